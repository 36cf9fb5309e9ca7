/**
 * How the client verifies the host's certificate. There is deliberately no option that turns
 * verification off.
 *
 * - `{ fingerprint }`: accept exactly the certificate with this SHA-256 fingerprint
 *   (`AB:CD:…` as the PVE GUI shows it, or 64 hex digits, any case). The usual choice for a PVE
 *   node's self-signed certificate.
 * - `{ ca }`: trust this PEM CA certificate (or bundle) instead of the system store, with normal
 *   chain and host-name checks, e.g. the cluster's `pve-root-ca.pem`.
 * - absent: the system's CA store (a host with a publicly trusted certificate).
 */
export type TLSOptions =
  | {
      /** The SHA-256 fingerprint of the host's certificate. */
      readonly fingerprint: string;
    }
  | {
      /** PEM text of the CA certificate(s) to trust. */
      readonly ca: string | Buffer;
    };
