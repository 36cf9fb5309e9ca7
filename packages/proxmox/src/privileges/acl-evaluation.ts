import type { PermissionsDump } from './types.js';

/**
 * Reading privileges out of a `GET /access/permissions` dump the way PVE resolves them
 * (pve-access-control `AccessControl::roles` + `RPCEnvironment::permissions`): the dump lists,
 * for the top-level paths and every path that has an ACL, the caller's *effective* privileges
 * there, each with its propagate flag. A path that is not listed inherits from the nearest
 * listed ancestor that propagates anything: roles set on a path replace inherited ones, and only
 * propagating roles reach below it. Internal to the package.
 *
 * Known limit: PVE drops listed paths where the caller ends up with nothing (e.g. `NoAccess` on
 * `/vms/100`), so such a path looks inherited here. `permissions('/vms/100')` answers exactly.
 */

/** `//vms//100/` → `/vms/100`; the root stays `/`. */
export function normalizeAclPath(path: string): string {
  const trimmed = `/${path.split('/').filter(Boolean).join('/')}`;
  return trimmed;
}

function parentOf(path: string): string | undefined {
  if (path === '/') return undefined;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

function isPropagated(flag: number | boolean): boolean {
  return flag === 1 || flag === true;
}

/** What `path` inherits from its listed ancestors. */
function inheritedPrivileges(dump: PermissionsDump, path: string): Set<string> {
  for (let ancestor = parentOf(path); ancestor !== undefined; ancestor = parentOf(ancestor)) {
    const entry = dump[ancestor];
    if (!entry) continue;
    const propagated = Object.keys(entry).filter((privilege) => isPropagated(entry[privilege] ?? 0));
    // An ancestor that only holds non-propagating roles replaced nothing below it: look higher.
    if (propagated.length > 0) return new Set(propagated);
  }
  return new Set();
}

/** The privileges the caller has on `path`. */
export function effectivePrivileges(dump: PermissionsDump, path: string): Set<string> {
  const normalized = normalizeAclPath(path);
  const entry = dump[normalized];
  if (entry) return new Set(Object.keys(entry));
  return inheritedPrivileges(dump, normalized);
}

/**
 * The privileges the caller has on at least one path below `prefix` (e.g. any guest under
 * `/vms`): inherited by an unlisted child, or granted on a listed one.
 */
export function privilegesBelow(dump: PermissionsDump, prefix: string): Set<string> {
  const base = normalizeAclPath(prefix);
  const result = inheritedPrivileges(dump, base === '/' ? '/_' : `${base}/_`);
  const childPrefix = base === '/' ? '/' : `${base}/`;
  for (const [path, privileges] of Object.entries(dump)) {
    if (path.startsWith(childPrefix) && path !== base) {
      for (const privilege of Object.keys(privileges)) result.add(privilege);
    }
  }
  return result;
}
