import { InvalidArgumentError } from '../errors/index.js';
import { effectivePrivileges, privilegesBelow } from './acl-evaluation.js';
import { agentRoleName } from './agent-role.js';
import type { ClientMethodName, PrivilegeIssue } from './issue.js';
import type { PvePrivilege } from './privilege-names.js';
import { requiredPrivileges } from './required-privileges.js';
import type { CheckCondition, PermissionsDump, PrivilegeCheck, PrivilegeContext } from './types.js';

/**
 * The config keys `restoreLXC` is assumed to pass when {@link PrivilegeContext.configKeys} is not
 * given: a hostname, one network device and the nesting flag (what felhom's restores send).
 */
export const defaultRestoreConfigKeys: readonly string[] = ['hostname', 'net0', 'features'];

type ContextKey =
  | 'vmid'
  | 'node'
  | 'storage'
  | 'bridge'
  | 'archiveOwner'
  | 'archiveStorage'
  | 'fleecingStorage'
  | 'pool';

function applies(check: PrivilegeCheck, method: ClientMethodName, context: PrivilegeContext): boolean {
  if (check.effect === 'filter' && context.includeFiltered === false) return false;
  if (check.effect === 'owner-or' && context.foreignTasks !== true) return false;
  return holds(check.when, method, context);
}

function holds(when: CheckCondition, method: ClientMethodName, context: PrivilegeContext): boolean {
  switch (when.kind) {
    case 'always':
      return true;
    case 'option':
      return when.options.some(
        (option) =>
          context.options?.includes(option) === true || (option === 'pool' && context.pool !== undefined),
      );
    case 'config-key': {
      const keys = context.configKeys ?? (method === 'restoreLXC' ? defaultRestoreConfigKeys : []);
      const pattern = new RegExp(`^(?:${when.keys})$`);
      return keys.some((key) => pattern.test(key));
    }
    case 'archive-of-other-guest':
      return context.archiveOwner !== undefined && context.archiveOwner !== context.vmid;
    case 'privileged-container':
      return context.privilegedContainer === true;
  }
}

/** Fills the placeholders it can; returns the concrete path, or the template and its known prefix. */
function resolvePath(template: string, context: PrivilegeContext): { path: string; prefix?: string } {
  let unresolvedAt: number | undefined;
  const path = template.replace(/\{(\w+)\}/g, (placeholder, name: string, offset: number) => {
    const value = context[name as ContextKey];
    if (value === undefined) {
      unresolvedAt ??= offset;
      return placeholder;
    }
    return String(value);
  });
  if (unresolvedAt === undefined) return { path };
  return { path, prefix: path.slice(0, unresolvedAt) };
}

function hintFor(
  check: PrivilegeCheck,
  missing: readonly PvePrivilege[],
  path: string,
  aclPath: string,
  context: PrivilegeContext,
): string {
  const joined = missing.join(check.any ? ' or ' : ' and ');
  const who = context.tokenId ? `--tokens '${context.tokenId}'` : "--tokens 'USER@REALM!TOKEN'";
  const grant = `grant ${joined} on ${path} (e.g. pveum acl modify ${aclPath} ${who} --roles ${agentRoleName})`;
  const consequence =
    check.effect === 'filter'
      ? 'the call succeeds but silently leaves out what needs it'
      : check.effect === 'owner-or'
        ? "the token can read its own tasks but not other users'"
        : check.source === 'worker'
          ? 'the call starts a task that then fails with "Permission check failed"'
          : 'the host answers 403 Permission check failed';
  return `${consequence}: ${grant}; ${check.why}`;
}

function heldOn(permissions: PermissionsDump, path: string, prefix: string | undefined): Set<string> {
  return prefix === undefined ? effectivePrivileges(permissions, path) : privilegesBelow(permissions, prefix);
}

function evaluate(
  method: ClientMethodName,
  check: PrivilegeCheck,
  permissions: PermissionsDump,
  context: PrivilegeContext,
): PrivilegeIssue | undefined {
  const { path, prefix } = resolvePath(check.path, context);
  const held = heldOn(permissions, path, prefix);
  const lacking = check.privileges.filter((privilege) => !held.has(privilege));
  const satisfied = check.any ? lacking.length < check.privileges.length : lacking.length === 0;
  if (satisfied) return undefined;
  // An alternative that applies and is held passes the check too (VM.Allocate on the pool).
  for (const alternative of check.alternatives ?? []) {
    if (!holds(alternative.when, method, context)) continue;
    const other = resolvePath(alternative.path, context);
    const there = heldOn(permissions, other.path, other.prefix);
    if (alternative.privileges.every((privilege) => there.has(privilege))) return undefined;
  }
  const missing = check.any ? [...check.privileges] : lacking;
  const mode =
    check.effect === 'filter'
      ? 'filtered'
      : check.effect === 'owner-or'
        ? 'owner-or'
        : check.any
          ? 'any-of'
          : 'all-of';
  const aclPath = prefix === undefined ? path : prefix.replace(/\/$/, '') || '/';
  return {
    method,
    missing,
    path,
    mode,
    source: check.source,
    hint: hintFor(check, missing, path, aclPath, context),
  };
}

/**
 * Says which client methods a token cannot call (or can call only with a filtered answer), and
 * why, from what `GET /access/permissions` returned for it.
 *
 * Placeholders the context does not fill are judged "anywhere": `/vms/{vmid}` without a `vmid`
 * passes when the token holds the privilege on at least one guest. Conditional checks apply as
 * the context says (options sent, config keys changed, the archive's owner); checks on other
 * users' tasks only with `foreignTasks: true`.
 *
 * @param permissions The body of `GET /access/permissions` (`{ path: { privilege: propagate } }`).
 * @param context The node, guest, storage, bridge and request details to check for.
 * @param methods The methods to check. @default every method in {@link requiredPrivileges}
 * @returns One issue per failing check; an empty list when the token can do everything asked.
 *
 * @example
 * ```ts
 * const issues = checkPrivileges(await client.permissions(), { node: 'pve1', vmid: 100, storage: 'local' });
 * for (const issue of issues) console.log(`${issue.method}: ${issue.hint}`);
 * ```
 */
export function checkPrivileges(
  permissions: PermissionsDump,
  context: PrivilegeContext = {},
  methods: readonly ClientMethodName[] = Object.keys(requiredPrivileges) as ClientMethodName[],
): PrivilegeIssue[] {
  if (typeof permissions !== 'object' || permissions === null || Array.isArray(permissions)) {
    throw new InvalidArgumentError('permissions', permissions, 'the object GET /access/permissions returns');
  }
  const issues: PrivilegeIssue[] = [];
  for (const method of methods) {
    const entry = requiredPrivileges[method];
    if (!entry) throw new InvalidArgumentError('methods', method, 'a client method name');
    const seen = new Set<string>();
    for (const check of entry.checks) {
      if (!applies(check, method, context)) continue;
      const issue = evaluate(method, check, permissions, context);
      if (!issue) continue;
      // The per-key checks can repeat a path/privilege pair another check already reported.
      const key = `${issue.path}|${issue.mode}|${issue.missing.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
