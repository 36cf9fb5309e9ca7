/**
 * Privilege names as PVE defines them (`pve-access-control` `src/PVE/AccessControl.pm`,
 * `$privgroups`). PVE rejects an unknown name with `invalid privilege '<name>'`, so a role meant
 * for several major versions may only use names that exist in all of them.
 */

/** Privileges that exist on PVE 8.x and 9.x alike. */
const commonPrivileges = [
  'Datastore.Allocate',
  'Datastore.AllocateSpace',
  'Datastore.AllocateTemplate',
  'Datastore.Audit',
  'Group.Allocate',
  'Mapping.Audit',
  'Mapping.Modify',
  'Mapping.Use',
  'Permissions.Modify',
  'Pool.Allocate',
  'Pool.Audit',
  'Realm.Allocate',
  'Realm.AllocateUser',
  'SDN.Allocate',
  'SDN.Audit',
  'SDN.Use',
  'Sys.AccessNetwork',
  'Sys.Audit',
  'Sys.Console',
  'Sys.Incoming',
  'Sys.Modify',
  'Sys.PowerMgmt',
  'Sys.Syslog',
  'User.Modify',
  'VM.Allocate',
  'VM.Audit',
  'VM.Backup',
  'VM.Clone',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Cloudinit',
  'VM.Config.Disk',
  'VM.Config.HWType',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
  'VM.Console',
  'VM.Migrate',
  'VM.PowerMgmt',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
] as const;

/** Only on PVE 8 (dropped in 9.0, commit 0706945 "privileges: drop VM.Monitor"). */
const pve8OnlyPrivileges = ['VM.Monitor'] as const;

/** Only on PVE 9 (added July 2025: the guest-agent split and VM.Replicate). */
const pve9OnlyPrivileges = [
  'VM.GuestAgent.Audit',
  'VM.GuestAgent.FileRead',
  'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.FileWrite',
  'VM.GuestAgent.Unrestricted',
  'VM.Replicate',
] as const;

/** A privilege name known to PVE 8 or PVE 9. */
export type PvePrivilege =
  | (typeof commonPrivileges)[number]
  | (typeof pve8OnlyPrivileges)[number]
  | (typeof pve9OnlyPrivileges)[number];

/** The PVE major versions whose privilege lists this package knows. */
export type PveMajorVersion = 8 | 9;

/**
 * The privilege names each PVE major version accepts, sorted. Use it to check that a role
 * definition will be accepted by the hosts it is meant for.
 */
export const pvePrivilegesByVersion: Readonly<Record<PveMajorVersion, readonly PvePrivilege[]>> = {
  8: [...commonPrivileges, ...pve8OnlyPrivileges].sort(),
  9: [...commonPrivileges, ...pve9OnlyPrivileges].sort(),
};

/** True when `name` is a privilege that PVE `version` accepts. */
export function isPrivilegeOn(name: string, version: PveMajorVersion): name is PvePrivilege {
  return (pvePrivilegesByVersion[version] as readonly string[]).includes(name);
}
