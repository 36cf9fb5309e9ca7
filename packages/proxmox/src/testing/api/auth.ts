import type { SimulatedCluster } from '../model/cluster.js';
import { isRootToken } from '../model/tokens.js';
import type { SimActor } from './route.js';

/** Splits `PVEAPIToken=<token id>=<secret>` as the host does; `undefined` for any other form. */
function splitTokenHeader(header: string): { readonly tokenId: string; readonly secret: string } | undefined {
  const m = /^PVEAPIToken=([^=\s]+)=(\S+)$/.exec(header.trim());
  return m ? { tokenId: m[1] ?? '', secret: m[2] ?? '' } : undefined;
}

/** The token id from an Authorization header, without ever keeping the secret. */
export function tokenIdFromHeader(header: string | undefined): string | undefined {
  return splitTokenHeader(header ?? '')?.tokenId;
}

/** Either the caller, or the 401 reason phrase. */
export type SimAuthResult = { readonly actor: SimActor } | { readonly reason: string };

/**
 * `auth_handler` for API tokens: `No ticket` without credentials; PVE 9.1.5+ says
 * `Authentication failed!` for every bad token, older hosts give the underlying reason.
 */
export function authenticate(cluster: SimulatedCluster, header: string | undefined): SimAuthResult {
  if (header === undefined || header.trim() === '') return { reason: 'No ticket' };
  const unified = cluster.profile.unifiedAuthFailure;
  const fail = (old: string): SimAuthResult => ({ reason: unified ? 'Authentication failed!' : old });
  const parts = splitTokenHeader(header);
  if (!parts) return fail('invalid token value!');
  const { tokenId, secret } = parts;
  const token = cluster.token(tokenId);
  if (!token) {
    const bang = tokenId.indexOf('!');
    return fail(`no such token '${tokenId.slice(bang + 1)}' for user '${tokenId.slice(0, bang)}'`);
  }
  if (token.secret !== secret) return fail('invalid token value!');
  if (token.expire && token.expire > 0 && token.expire < cluster.now() / 1000) {
    return fail(`token '${tokenId.slice(tokenId.indexOf('!') + 1)}' access expired`);
  }
  return { actor: { tokenId, root: isRootToken(token) } };
}
