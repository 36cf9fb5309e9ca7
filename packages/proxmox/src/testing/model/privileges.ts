/**
 * Privileges and ACL evaluation as `PVE::AccessControl::permission` does it: ACL entries on a path
 * and its ancestors; an ancestor's entry counts only when it propagates; the most specific path that
 * grants anything replaces what was inherited. The value of each privilege is its propagate flag
 * (what `GET /access/permissions` reports).
 */

/** PVE 9 privilege names (pve-access-control 9.1.1 `$privgroups`). */
export const PVE9_PRIVILEGES: readonly string[] = [
  'VM.Config.Disk',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.HWType',
  'VM.Config.Options',
  'VM.Allocate',
  'VM.Clone',
  'VM.GuestAgent.Unrestricted',
  'VM.Migrate',
  'VM.Replicate',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
  'VM.Config.CDROM',
  'VM.Config.Cloudinit',
  'VM.Console',
  'VM.Backup',
  'VM.GuestAgent.FileRead',
  'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.FileWrite',
  'VM.PowerMgmt',
  'VM.Audit',
  'VM.GuestAgent.Audit',
  'Sys.PowerMgmt',
  'Sys.Modify',
  'Sys.Incoming',
  'Sys.AccessNetwork',
  'Sys.Console',
  'Sys.Syslog',
  'Sys.Audit',
  'Datastore.Allocate',
  'Datastore.AllocateTemplate',
  'Datastore.AllocateSpace',
  'Datastore.Audit',
  'SDN.Allocate',
  'SDN.Audit',
  'SDN.Use',
  'Realm.Allocate',
  'User.Modify',
  'Group.Allocate',
  'Realm.AllocateUser',
  'Pool.Allocate',
  'Pool.Audit',
  'Mapping.Modify',
  'Mapping.Use',
  'Mapping.Audit',
  'Permissions.Modify',
];

/**
 * The privileges of the simulator's default agent token: the FelhomAgent role of docs/privileges.md.
 * The simulator keeps its own copy (it is an independent oracle for the client's privilege table).
 */
export const SIM_AGENT_PRIVILEGES: readonly string[] = [
  'Sys.Audit',
  'VM.Audit',
  'Datastore.Audit',
  'VM.Allocate',
  'Datastore.AllocateSpace',
  'VM.Backup',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
  'VM.Config.Disk',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
  'VM.Config.CDROM',
  'VM.Config.HWType',
  'VM.Config.Cloudinit',
  'VM.PowerMgmt',
  'VM.Migrate',
  'SDN.Use',
];

/** One ACL entry: privileges granted on a path, inherited by sub-paths when `propagate` is true. */
export interface SimAclEntry {
  /** ACL path such as `/`, `/vms/100`, `/storage/local`, `/nodes/pve1`. */
  readonly path: string;
  /** Privilege names granted (a role's expansion). */
  readonly privileges: readonly string[];
  /** @default true */
  readonly propagate?: boolean;
}

/** `PVE::AccessControl::normalize_path`: collapse slashes, drop a trailing slash. */
export function normalizeAclPath(path: string): string {
  const collapsed = `/${path}`.replace(/\/+/g, '/').replace(/\/$/, '');
  return collapsed === '' ? '/' : collapsed;
}

/** Effective privileges on `path` for an ACL list: privilege → propagate flag (1 or 0). */
export function effectivePrivileges(acl: readonly SimAclEntry[], path: string): Map<string, 0 | 1> {
  const target = normalizeAclPath(path);
  const parts = target === '/' ? [] : target.slice(1).split('/');
  const levels = ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
  let result = new Map<string, 0 | 1>();
  for (const level of levels) {
    const final = level === target;
    const granted = new Map<string, 0 | 1>();
    for (const entry of acl) {
      if (normalizeAclPath(entry.path) !== level) continue;
      const propagate = entry.propagate ?? true;
      if (!final && !propagate) continue;
      for (const privilege of entry.privileges) {
        granted.set(privilege, propagate || granted.get(privilege) === 1 ? 1 : 0);
      }
    }
    if (granted.size > 0) result = granted;
  }
  return result;
}
