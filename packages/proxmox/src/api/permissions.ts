// The `permissions` of an endpoint as data: PVE's check arrays
// (`['perm', '/vms/{vmid}', ['VM.Audit'], 'any', 1]`, `['and', …]`, …) read into a tagged tree.
// pve-access-control PVE/RPCEnvironment.pm (check_api2_permissions, exec_api2_perm_check) is
// what evaluates them on the host.

/** One node of an endpoint's permission check. */
export type PermissionCheck =
  /** The privileges on an ACL path (placeholders filled from the call's parameters). */
  | {
      readonly kind: 'perm';
      /** The ACL path template, e.g. `/vms/{vmid}`. */
      readonly path: string;
      readonly privileges: readonly string[];
      /** `true`: any one privilege suffices; `false`: all are needed. */
      readonly any: boolean;
      /** The check counts only when the call passes this parameter (`require_param`). */
      readonly requireParam?: string;
    }
  /** Every sub-check must pass. */
  | { readonly kind: 'and'; readonly checks: readonly PermissionCheck[] }
  /** One sub-check must pass. */
  | { readonly kind: 'or'; readonly checks: readonly PermissionCheck[] }
  /**
   * About the user named by the `userid` parameter: `self` (it is the caller) or
   * `Realm.AllocateUser` on that user's realm.
   */
  | { readonly kind: 'userid-param'; readonly test: string }
  /** The privileges on a group the `userid` user is in (or on the groups the call names). */
  | {
      readonly kind: 'userid-group';
      readonly privileges: readonly string[];
      readonly groupsParam?: string;
    }
  /** The caller may change permissions on the ACL path in the named parameter. */
  | { readonly kind: 'perm-modify'; readonly path: string }
  /** A check this reader does not know, as the schema gives it. */
  | { readonly kind: 'unknown'; readonly raw: readonly unknown[] };

/** An endpoint's guard as PVE applies it (`check_api2_permissions`). */
export interface EndpointPermissions {
  /**
   * `all`: any authenticated user passes the schema check (the handler may still check or
   * filter, see {@link description}); `world`: no login needed; `root`: only `root@pam` (no
   * `check`, no `user`).
   */
  readonly access: 'check' | 'all' | 'world' | 'root';
  /** The check evaluated when {@link access} is `check`. */
  readonly check?: PermissionCheck;
  /**
   * The schema's `check` beside `user: 'all'`: PVE never evaluates it (`user => 'all'` passes
   * first). Kept for what it says about the intended privilege.
   */
  readonly ignoredCheck?: PermissionCheck;
  /** PVE's own words about further checks in the handler. */
  readonly description?: string;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Reads one check array of the schema. */
export function readCheck(raw: readonly unknown[]): PermissionCheck {
  const [head, ...rest] = raw;
  switch (head) {
    case 'perm': {
      const [path, privileges, ...options] = rest;
      const named = new Map<string, unknown>();
      for (let i = 0; i + 1 < options.length; i += 2) named.set(String(options[i]), options[i + 1]);
      const requireParam = named.get('require_param');
      return {
        kind: 'perm',
        path: String(path),
        privileges: strings(privileges),
        any: Boolean(named.get('any')),
        ...(typeof requireParam === 'string' ? { requireParam } : {}),
      };
    }
    case 'and':
    case 'or':
      return {
        kind: head,
        checks: rest.filter((item): item is unknown[] => Array.isArray(item)).map(readCheck),
      };
    case 'userid-param':
      return { kind: 'userid-param', test: String(rest[0]) };
    case 'userid-group': {
      const [privileges, ...options] = rest;
      const groupsParam = options[0] === 'groups_param' ? options[1] : undefined;
      return {
        kind: 'userid-group',
        privileges: strings(privileges),
        ...(typeof groupsParam === 'string' ? { groupsParam } : {}),
      };
    }
    case 'perm-modify':
      return { kind: 'perm-modify', path: String(rest[0]) };
    default:
      return { kind: 'unknown', raw };
  }
}

/** Reads the schema's `permissions` object (`user`, `check`, `description`). */
export function readPermissions(raw: {
  readonly user?: string;
  readonly check?: readonly unknown[];
  readonly description?: string;
}): EndpointPermissions {
  const check = raw.check ? readCheck(raw.check) : undefined;
  const description = raw.description ? { description: raw.description } : {};
  if (raw.user === 'world') return { access: 'world', ...description };
  if (raw.user === 'all') return { access: 'all', ...(check ? { ignoredCheck: check } : {}), ...description };
  if (check) return { access: 'check', check, ...description };
  return { access: 'root', ...description };
}

/** Every privilege a check names, in order of appearance, each once. */
export function privilegesOf(check: PermissionCheck | undefined, into: Set<string> = new Set()): Set<string> {
  if (!check) return into;
  switch (check.kind) {
    case 'perm':
    case 'userid-group':
      for (const privilege of check.privileges) into.add(privilege);
      break;
    case 'and':
    case 'or':
      for (const sub of check.checks) privilegesOf(sub, into);
      break;
    case 'userid-param':
      if (check.test !== 'self') into.add(check.test);
      break;
    case 'perm-modify':
      into.add('Permissions.Modify');
      break;
    default:
      break;
  }
  return into;
}

/**
 * A check in words, e.g. `VM.PowerMgmt on /vms/{vmid}`, `one of Sys.Audit, Sys.Modify on /`,
 * `(VM.Clone on /vms/{vmid}) and (…)`.
 */
export function describeCheck(check: PermissionCheck): string {
  switch (check.kind) {
    case 'perm': {
      const privileges =
        check.privileges.length > 1 && check.any
          ? `one of ${check.privileges.join(', ')}`
          : check.privileges.join(', ');
      const condition = check.requireParam ? ` (when '${check.requireParam}' is given)` : '';
      return `${privileges} on ${check.path}${condition}`;
    }
    case 'and':
    case 'or':
      return check.checks
        .map((sub) =>
          sub.kind === 'and' || sub.kind === 'or' ? `(${describeCheck(sub)})` : describeCheck(sub),
        )
        .join(` ${check.kind} `);
    case 'userid-param':
      return check.test === 'self'
        ? 'the caller is the user named by userid'
        : `${check.test} on the realm of the user named by userid`;
    case 'userid-group':
      return `${check.privileges.join(' or ')} on a group of the user named by userid${
        check.groupsParam ? ` (and on the groups in '${check.groupsParam}')` : ''
      }`;
    case 'perm-modify':
      return `permission to modify the ACL path ${check.path}`;
    default:
      return JSON.stringify(check.raw);
  }
}
