import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { RunOptions } from '../runner/types.js';
import { integerIn } from './primitives.js';

/** Validates a method's `{ signal, timeout }` and turns it into runner options. */
export function validateCommandOptions(
  options: { readonly signal?: AbortSignal; readonly timeout?: number },
  defaultTimeout?: number,
): RunOptions {
  if (typeof options !== 'object' || options === null)
    throw new InvalidInputError('options', options, 'an object');
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new InvalidInputError('options.signal', options.signal, 'an AbortSignal');
  }
  const timeout =
    options.timeout === undefined
      ? defaultTimeout
      : integerIn('options.timeout', options.timeout, 1, 86_400_000);
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
  };
}
