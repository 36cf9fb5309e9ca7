import {
  agentRolePrivileges,
  isPrivilegeOn,
  type PrivilegeCheck,
  pvePrivilegesByVersion,
  requiredPrivileges,
} from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';

/** Parameters the client never sends, so the checks they trigger are not the agent's business. */
const optionsTheClientNeverSends = new Set([
  'prune-backups',
  'maxfiles',
  'bwlimit',
  'performance',
  'ionice',
  'fleecing',
  'userid',
]);

function neededByTheClient(check: PrivilegeCheck): boolean {
  switch (check.when.kind) {
    case 'option':
      return check.when.options.some((option) => !optionsTheClientNeverSends.has(option));
    case 'privileged-container':
      return false; // privileged containers go through the root CLI, never the API token
    default:
      return true;
  }
}

describe('agentRolePrivileges', () => {
  it('is the union of what the table says the client needs, sorted', () => {
    const union = new Set(
      Object.values(requiredPrivileges).flatMap((entry) =>
        entry.checks.filter(neededByTheClient).flatMap((check) => check.privileges),
      ),
    );
    expect(agentRolePrivileges).toEqual([...union].sort());
    expect([...agentRolePrivileges]).toEqual([...agentRolePrivileges].sort());
  });

  it('holds the privileges docs/privileges.md lists and nothing that widens it needlessly', () => {
    expect(new Set(agentRolePrivileges)).toEqual(
      new Set([
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
        'VM.PowerMgmt',
        'SDN.Use',
      ]),
    );
    expect(agentRolePrivileges).not.toContain('Sys.Modify');
    expect(agentRolePrivileges).not.toContain('Datastore.Allocate');
  });

  it.each([8, 9] as const)('is accepted by PVE %i (no VM.Monitor, no VM.GuestAgent.*)', (version) => {
    expect(agentRolePrivileges.filter((privilege) => !isPrivilegeOn(privilege, version))).toEqual([]);
  });
});

describe('pvePrivilegesByVersion', () => {
  it('knows VM.Monitor only on 8 and the guest-agent privileges only on 9', () => {
    expect(pvePrivilegesByVersion[8]).toContain('VM.Monitor');
    expect(pvePrivilegesByVersion[9]).not.toContain('VM.Monitor');
    expect(pvePrivilegesByVersion[9]).toContain('VM.GuestAgent.Audit');
    expect(pvePrivilegesByVersion[8]).not.toContain('VM.GuestAgent.Audit');
    expect(isPrivilegeOn('VM.Replicate', 8)).toBe(false);
    expect(isPrivilegeOn('VM.Replicate', 9)).toBe(true);
    expect(isPrivilegeOn('VM.Bogus', 9)).toBe(false);
  });

  it('has every privilege the table uses on both versions', () => {
    const used = new Set(
      Object.values(requiredPrivileges).flatMap((e) => e.checks.flatMap((c) => c.privileges)),
    );
    for (const privilege of used) {
      expect(isPrivilegeOn(privilege, 8), privilege).toBe(true);
      expect(isPrivilegeOn(privilege, 9), privilege).toBe(true);
    }
  });
});
