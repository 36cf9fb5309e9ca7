import { ProxmoxError } from './proxmox-error.js';

/**
 * The host sent a response body larger than the client's `maxResponseBytes`. Reading stopped
 * there (nothing beyond the limit was buffered) and the call is not retried: a host that sends
 * too much once will do it again.
 */
export class ResponseTooLargeError extends ProxmoxError {
  override name = 'ResponseTooLargeError';
  override readonly reason = 'too-large' as const;
  /** The request whose response was too large, as `METHOD /path`. */
  readonly endpoint: string;
  /** The limit in bytes that the body exceeded. */
  readonly limit: number;

  constructor(init: { endpoint: string; limit: number }) {
    super(
      `response too large: ${init.endpoint} sent more than ${init.limit} bytes (the client's maxResponseBytes)`,
    );
    this.endpoint = init.endpoint;
    this.limit = init.limit;
  }
}
