import { SIM_AGENT_PRIVILEGES, type SimAclEntry } from './privileges.js';

/** An API token the simulated cluster accepts. */
export interface SimToken {
  /** Full token id, `user@realm!tokenname`. */
  readonly id: string;
  /** The token's secret (a UUID on real hosts). */
  readonly secret: string;
  /**
   * Token ACL entries. With `privsep` false the token has its user's privileges instead; a token of
   * `root@pam` without privilege separation bypasses every check, as root does.
   */
  readonly acl: readonly SimAclEntry[];
  /** Privilege separation. @default true */
  readonly privsep?: boolean;
  /** Expiry in seconds since the epoch; 0 or absent never expires. */
  readonly expire?: number;
  /** The token's comment, as `GET /access/users/{userid}/token/{tokenid}` shows it. */
  readonly comment?: string;
}

/** The default agent token's id. */
export const SIM_AGENT_TOKEN_ID = 'felhom@pve!agent';
/** The default agent token's secret (a fixed UUID so examples can hard-code it). */
export const SIM_AGENT_TOKEN_SECRET = '5e1f0c2a-7d3b-4a6e-9c1d-2b8f4e6a0c11';
/** The default root token's id (no privilege separation: bypasses every check). */
export const SIM_ROOT_TOKEN_ID = 'root@pam!sim';
/** The default root token's secret. */
export const SIM_ROOT_TOKEN_SECRET = '0d9b7c55-3e21-4f0a-8a6b-1c2d3e4f5a6b';

/** The two tokens every simulated cluster starts with. */
export function defaultTokens(): SimToken[] {
  return [
    {
      id: SIM_AGENT_TOKEN_ID,
      secret: SIM_AGENT_TOKEN_SECRET,
      acl: [{ path: '/', privileges: SIM_AGENT_PRIVILEGES, propagate: true }],
    },
    { id: SIM_ROOT_TOKEN_ID, secret: SIM_ROOT_TOKEN_SECRET, acl: [], privsep: false },
  ];
}

/** The user part of a token id (`user@realm`). */
export function tokenUser(tokenId: string): string {
  const bang = tokenId.indexOf('!');
  return bang === -1 ? tokenId : tokenId.slice(0, bang);
}

/** Whether requests with this token bypass permission checks (root@pam without privsep). */
export function isRootToken(token: SimToken): boolean {
  return tokenUser(token.id) === 'root@pam' && token.privsep === false;
}
