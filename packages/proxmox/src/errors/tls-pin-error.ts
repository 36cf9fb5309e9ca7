import { ProxmoxError } from './proxmox-error.js';

/**
 * The server's certificate did not match the pinned SHA-256 fingerprint. Raised after the TLS
 * handshake and before a single request byte (or the token) is written; never retried.
 */
export class TLSPinError extends ProxmoxError {
  override name = 'TLSPinError';
  override readonly reason = 'tls' as const;
  /** Stable code, also set on the error undici sees. */
  readonly code = 'ERR_PROXMOX_TLS_PIN_MISMATCH';
  /** The pinned fingerprint, as `AB:CD:…` upper case. */
  readonly expected: string;
  /** The fingerprint the server presented, as `AB:CD:…`; `''` when it presented none. */
  readonly presented: string;
  /** The host and port the connection went to. */
  readonly host: string;

  constructor(init: { expected: string; presented: string; host: string }) {
    super(
      `TLS certificate of ${init.host} does not match the pinned fingerprint: expected ${init.expected}, ` +
        `presented ${init.presented === '' ? '(none)' : init.presented}`,
    );
    this.expected = init.expected;
    this.presented = init.presented;
    this.host = init.host;
  }
}
