/** PVE's API-token scheme: `Authorization: PVEAPIToken=<user>@<realm>!<name>=<secret>`. */
const scheme = 'PVEAPIToken';

/** The `Authorization` header value of an API token; the one place it is built. */
export function tokenAuthorization(tokenId: string, secret: string): string {
  return `${scheme}=${tokenId}=${secret}`;
}

/** The same header as logs and errors show it: the token id, never the secret. */
export function redactedTokenAuthorization(tokenId: string): string {
  return tokenAuthorization(tokenId, '[REDACTED]');
}
