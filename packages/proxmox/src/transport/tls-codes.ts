// The codes Node gives a failed certificate verification: OpenSSL's X509_V_ERR_* names without
// the prefix (node/src/crypto/crypto_common.cc `X509ErrorCode`, listed in Node's tls docs under
// "X509 certificate error codes"), `UNSPECIFIED` for any other verify result, and the codes of
// Node's own checks (`ERR_TLS_CERT_ALTNAME_INVALID` for a host name mismatch, …).
const verifyCodes = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CRL_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID',
  'CRL_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  'OUT_OF_MEM',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'UNSPECIFIED',
]);

/** The certificate verification codes Node reports, for tests and documentation. */
export const certificateVerifyCodes: readonly string[] = [...verifyCodes];

/**
 * True for a TLS failure: a certificate that failed verification (any code above) or a
 * handshake or protocol error Node or OpenSSL raised (`ERR_TLS_*`, `ERR_SSL_*`). Retrying
 * cannot cure either, so these are never retried.
 */
export function isTLSCode(code: string | undefined): boolean {
  if (code === undefined) return false;
  return verifyCodes.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_');
}
