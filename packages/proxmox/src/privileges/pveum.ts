import { InvalidArgumentError } from '../errors/index.js';
import { agentRoleName, agentRolePrivileges } from './agent-role.js';

// Text of `pveum` commands for docs and CLI hints. The values are validated strictly so the
// text is safe to paste into a shell: nothing in it can be a quote, `$`, backtick or space.

const roleIdPattern = /^[A-Za-z0-9.\-_]+$/;
const realmPart = '[A-Za-z][A-Za-z0-9.\\-_]+';
const userPart = '[^\\s:/\'"`$\\\\;&|<>!]+';
const userIdPattern = new RegExp(`^${userPart}@${realmPart}$`);
const tokenIdPattern = new RegExp(`^${userPart}@${realmPart}!${realmPart}$`);
const aclPathPattern = /^\/(?:[A-Za-z0-9.\-_]+(?:\/[A-Za-z0-9.\-_]+)*)?$/;
const privilegePattern = /^[A-Z][A-Za-z]*(?:\.[A-Za-z]+)+$/;

/** Options of {@link pveumAclModifyCommand}. */
export interface PveumAclOptions {
  /** The ACL path, e.g. `/`, `/vms/100`, `/storage/local`. */
  readonly path: string;
  /** The API token id `user@realm!name` to grant the role to (one of `tokenId`/`userId`). */
  readonly tokenId?: string;
  /** The user id `user@realm` to grant the role to (one of `tokenId`/`userId`). */
  readonly userId?: string;
  /** The role. @default 'FelhomAgent' */
  readonly role?: string;
  /** Whether the grant reaches the paths below `path`. @default true */
  readonly propagate?: boolean;
}

/**
 * The `pveum role add` command that creates the agent's role.
 *
 * @example
 * ```ts
 * pveumRoleAddCommand(); // "pveum role add FelhomAgent --privs 'Datastore.AllocateSpace,…'"
 * ```
 */
export function pveumRoleAddCommand(
  role: string = agentRoleName,
  privileges: readonly string[] = agentRolePrivileges,
): string {
  if (!roleIdPattern.test(role)) throw new InvalidArgumentError('role', role, 'a role id ([A-Za-z0-9.-_]+)');
  if (privileges.length === 0)
    throw new InvalidArgumentError('privileges', privileges, 'at least one privilege');
  for (const privilege of privileges) {
    if (!privilegePattern.test(privilege)) {
      throw new InvalidArgumentError('privileges', privilege, 'a privilege name like VM.Audit');
    }
  }
  return `pveum role add ${role} --privs '${privileges.join(',')}'`;
}

/**
 * The `pveum acl modify` command that grants a role on a path to a token or a user.
 *
 * @example
 * ```ts
 * pveumAclModifyCommand({ path: '/', tokenId: 'felhom@pve!agent' });
 * // "pveum acl modify / --tokens 'felhom@pve!agent' --roles FelhomAgent --propagate 1"
 * ```
 */
export function pveumAclModifyCommand(options: PveumAclOptions): string {
  const { path, tokenId, userId, role = agentRoleName, propagate = true } = options;
  if (!aclPathPattern.test(path)) throw new InvalidArgumentError('path', path, 'an ACL path like /vms/100');
  if (!roleIdPattern.test(role)) throw new InvalidArgumentError('role', role, 'a role id ([A-Za-z0-9.-_]+)');
  if ((tokenId === undefined) === (userId === undefined)) {
    throw new InvalidArgumentError(
      'tokenId/userId',
      { tokenId, userId },
      'exactly one of tokenId and userId',
    );
  }
  let who: string;
  if (tokenId !== undefined) {
    if (!tokenIdPattern.test(tokenId))
      throw new InvalidArgumentError('tokenId', tokenId, 'user@realm!tokenname');
    who = `--tokens '${tokenId}'`;
  } else {
    if (!userIdPattern.test(userId ?? '')) throw new InvalidArgumentError('userId', userId, 'user@realm');
    who = `--users '${userId}'`;
  }
  return `pveum acl modify ${path} ${who} --roles ${role} --propagate ${propagate ? 1 : 0}`;
}

/**
 * The commands that set up the agent's role for a privilege-separated token: create the role,
 * then grant it on `path` to the token and to its user (a privsep token only ever gets the
 * intersection of its own and its user's privileges).
 */
export function pveumAgentSetupCommands(tokenId: string, path = '/'): string[] {
  if (!tokenIdPattern.test(tokenId))
    throw new InvalidArgumentError('tokenId', tokenId, 'user@realm!tokenname');
  const userId = tokenId.slice(0, tokenId.indexOf('!'));
  return [
    pveumRoleAddCommand(),
    pveumAclModifyCommand({ path, userId }),
    pveumAclModifyCommand({ path, tokenId }),
  ];
}
