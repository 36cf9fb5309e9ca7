import { ProxmoxError, type ProxmoxErrorOptions } from './proxmox-error.js';

/** A request got no complete response within its `timeout`. */
export class TimeoutError extends ProxmoxError {
  override name = 'TimeoutError';
  override readonly reason = 'timeout' as const;
  /** The request that timed out, as `METHOD /path`. */
  readonly endpoint: string;
  /** The limit that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(init: { endpoint: string; timeout: number }, options: ProxmoxErrorOptions = {}) {
    super(`request timed out after ${init.timeout} ms: ${init.endpoint}`, options);
    this.endpoint = init.endpoint;
    this.timeout = init.timeout;
  }
}
