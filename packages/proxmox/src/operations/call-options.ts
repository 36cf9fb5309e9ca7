import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { RequestParameters } from '../transport/encoding.js';
import type { RequestOptions } from '../transport/transport.js';

/** Per-call options every typed client method accepts. */
export interface CallOptions {
  /** Cancels the call (combined with the client's own `signal`). */
  readonly signal?: AbortSignal;
  /**
   * This call's per-attempt timeout in ms, instead of the client's `timeout`.
   * @default the client's `timeout` (30 000 ms)
   */
  readonly timeout?: number;
}

/**
 * Builds the transport options of one call: the caller's `signal`/`timeout` (checked here so a
 * bad one is named before anything is sent) plus the query or body.
 */
export function requestOptions(
  options: CallOptions | undefined,
  parameters: { readonly query?: RequestParameters; readonly body?: RequestParameters } = {},
): RequestOptions {
  const signal = options?.signal;
  const timeout = options?.timeout;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidArgumentError('options.signal', signal, 'an AbortSignal');
  }
  if (
    timeout !== undefined &&
    (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0 || timeout > 2_147_483_647)
  ) {
    throw new InvalidArgumentError('options.timeout', timeout, 'a positive integer of milliseconds');
  }
  return {
    ...(signal !== undefined && { signal }),
    ...(timeout !== undefined && { timeout }),
    ...(parameters.query !== undefined && { query: parameters.query }),
    ...(parameters.body !== undefined && { body: parameters.body }),
  };
}
