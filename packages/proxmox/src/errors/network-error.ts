import { ProxmoxError, type ProxmoxErrorOptions } from './proxmox-error.js';

/** The connection failed or was reset before a response arrived (transient for GETs). */
export class NetworkError extends ProxmoxError {
  override name = 'NetworkError';
  override readonly reason = 'network' as const;
  /** The system or undici error code when known, e.g. `ECONNRESET`, `ECONNREFUSED`. */
  readonly code: string | undefined;
  /** The request that failed, as `METHOD /path`. */
  readonly endpoint: string;

  constructor(init: { endpoint: string; code?: string; detail: string }, options: ProxmoxErrorOptions = {}) {
    super(`network error: ${init.endpoint} — ${init.detail}${init.code ? ` (${init.code})` : ''}`, options);
    this.code = init.code;
    this.endpoint = init.endpoint;
  }
}
