import { agentRolePrivileges, type PermissionsDump } from '@felhom/proxmox/privileges';

// `GET /access/permissions` bodies shaped like real hosts' answers: the top-level paths PVE
// always evaluates ('/', '/access', '/access/groups', '/nodes', '/pool', '/sdn', '/storage',
// '/vms') plus every path that carries an ACL, each only when the caller holds something there.

const topLevel = ['/', '/access', '/access/groups', '/nodes', '/pool', '/sdn', '/storage', '/vms'];

function grant(privileges: readonly string[], propagate: 0 | 1): Record<string, 0 | 1> {
  return Object.fromEntries(privileges.map((privilege) => [privilege, propagate]));
}

/** The agent role granted on `/` with propagation: every top-level path holds all of it. */
export const agentOnRoot: PermissionsDump = Object.fromEntries(
  topLevel.map((path) => [path, grant(agentRolePrivileges, 1)]),
);

const auditor = ['Datastore.Audit', 'Mapping.Audit', 'Pool.Audit', 'SDN.Audit', 'Sys.Audit', 'VM.Audit'];

/** PVEAuditor on `/` (propagating), nothing else. */
export const auditorOnly: PermissionsDump = Object.fromEntries(
  topLevel.map((path) => [path, grant(auditor, 1)]),
);

/**
 * PVEAuditor on `/`, the agent role on `/vms/100` only (not propagating), Datastore.AllocateSpace
 * on `/storage/local`, SDN.Use on `/sdn/zones/localnetwork/vmbr0`.
 */
export const scopedToGuest100: PermissionsDump = {
  ...auditorOnly,
  '/vms/100': grant(
    agentRolePrivileges.filter((p) => p.startsWith('VM.')),
    0,
  ),
  '/storage/local': { ...grant(auditor, 1), 'Datastore.AllocateSpace': 0 },
  '/sdn/zones/localnetwork/vmbr0': { ...grant(auditor, 1), 'SDN.Use': 0 },
};

/** A privsep token nobody granted anything: PVE answers `{}`. */
export const nothing: PermissionsDump = {};
