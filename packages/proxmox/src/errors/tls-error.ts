import { ProxmoxError, type ProxmoxErrorOptions } from './proxmox-error.js';

/**
 * The TLS handshake failed for a reason other than a pin mismatch: an untrusted or self-signed
 * certificate without a pin or `ca`, an expired certificate, a host name mismatch.
 */
export class TLSError extends ProxmoxError {
  override name = 'TLSError';
  override readonly reason = 'tls' as const;
  /** Node's error code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT` or `ERR_TLS_CERT_ALTNAME_INVALID`. */
  readonly code: string;
  /** The request that failed, as `METHOD /path`. */
  readonly endpoint: string;

  constructor(init: { code: string; endpoint: string; detail: string }, options: ProxmoxErrorOptions = {}) {
    super(
      `TLS handshake failed: ${init.endpoint} — ${init.detail} (${init.code}); pin the host's ` +
        'certificate with `tls.fingerprint` or trust its CA with `tls.ca`',
      options,
    );
    this.code = init.code;
    this.endpoint = init.endpoint;
  }
}
