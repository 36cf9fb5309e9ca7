import {
  agentRoleMethods,
  agentRolePrivileges,
  checkPrivileges,
  isPrivilegeOn,
  pvePrivilegesByVersion,
  requiredPrivileges,
} from '@felhom/proxmox/privileges';
import { describe, expect, it } from 'vitest';

describe('agentRolePrivileges', () => {
  it('is sorted, without duplicates, and every privilege in it is named by a check of a method', () => {
    const named = new Set(
      Object.values(requiredPrivileges).flatMap((entry) => entry.checks.flatMap((check) => check.privileges)),
    );
    expect([...agentRolePrivileges]).toEqual([...new Set(agentRolePrivileges)].sort());
    for (const privilege of agentRolePrivileges) expect(named).toContain(privilege);
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
        'VM.Config.CDROM',
        'VM.Config.HWType',
        'VM.Config.Cloudinit',
        'VM.PowerMgmt',
        'VM.Migrate',
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

describe('agentRoleMethods', () => {
  it('is every method but those whose entry says why the role leaves it out', () => {
    const outside = Object.entries(requiredPrivileges)
      .filter(([, entry]) => entry.outsideAgentRole !== undefined)
      .map(([name]) => name);
    expect(outside).toEqual(['tokenInfo']);
    expect([...agentRoleMethods, ...outside].sort()).toEqual(Object.keys(requiredPrivileges).sort());
  });

  it('leaves User.Modify out of the role, so a token holding it still cannot read token info', () => {
    expect(agentRolePrivileges).not.toContain('User.Modify');
    const role = Object.fromEntries(agentRolePrivileges.map((privilege) => [privilege, 1]));
    const dump = { '/': role, '/access/groups': role, '/vms': role, '/storage': role, '/nodes': role };
    expect(checkPrivileges(dump, { node: 'pve1' }, agentRoleMethods)).toEqual([]);
    expect(checkPrivileges(dump, { node: 'pve1' }, ['tokenInfo'])).toMatchObject([
      { method: 'tokenInfo', missing: ['User.Modify'], path: '/access/groups', mode: 'any-of' },
    ]);
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
