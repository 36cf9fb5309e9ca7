import { InvalidArgumentError } from '@felhom/proxmox';
import { agentRoleMethods, checkPrivileges, type PermissionsDump } from '@felhom/proxmox/privileges';
import { describe, expect, it } from 'vitest';
import { agentOnRoot, auditorOnly, nothing, scopedToGuest100 } from './fixtures.js';

const onGuest100 = { node: 'pve1', vmid: 100, storage: 'local', bridge: 'vmbr0' } as const;

function methodsIn(issues: ReturnType<typeof checkPrivileges>): string[] {
  return [...new Set(issues.map((issue) => issue.method))].sort();
}

describe('checkPrivileges', () => {
  it('finds nothing missing for the agent role granted on /, among the calls the role is for', () => {
    expect(checkPrivileges(agentOnRoot, onGuest100, agentRoleMethods)).toEqual([]);
    expect(checkPrivileges(agentOnRoot, {}, agentRoleMethods)).toEqual([]);
    expect(
      checkPrivileges(
        agentOnRoot,
        { ...onGuest100, foreignTasks: true, configKeys: ['cores', 'mp0'] },
        agentRoleMethods,
      ),
    ).toEqual([]);
    // tokenInfo is outside the role: its User.Modify is reported for every method list with it.
    expect(checkPrivileges(agentOnRoot).map((issue) => issue.method)).toEqual(['tokenInfo']);
  });

  it('says an auditor may read but not change anything, with the privilege and path of each refusal', () => {
    const issues = checkPrivileges(auditorOnly, onGuest100);
    expect(methodsIn(issues)).toEqual([
      'deleteSnapshot',
      'deleteVMSnapshot',
      'guestConfig', // filtered: `env` is hidden without VM.Config.Options
      'migrate',
      'reboot',
      'rebootVM',
      'resize',
      'restoreLXC',
      'restoreVM',
      'rollback',
      'rollbackVM',
      'setConfig',
      'setVMConfig',
      'shutdown',
      'shutdownVM',
      'snapshot',
      'snapshotVM',
      'start',
      'startVM',
      'stop',
      'stopVM',
      'storageContent',
      'tokenInfo',
      'vzdump',
    ]);
    expect(issues).toContainEqual(
      expect.objectContaining({
        method: 'snapshot',
        missing: ['VM.Snapshot'],
        path: '/vms/100',
        mode: 'all-of',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        method: 'rollback',
        missing: ['VM.Snapshot', 'VM.Snapshot.Rollback'],
        mode: 'any-of',
      }),
    );
    // storageContent works for an auditor, but backups (Datastore.AllocateSpace, VM.Backup) and
    // guest disks (VM.Config.Disk on the owner) are left out: reported as filtered.
    const content = issues.filter((issue) => issue.method === 'storageContent');
    expect(content.map(({ mode, path, missing }) => ({ mode, path, missing }))).toEqual([
      { mode: 'filtered', path: '/storage/local', missing: ['Datastore.AllocateSpace'] },
      { mode: 'filtered', path: '/vms/100', missing: ['VM.Backup'] },
      { mode: 'filtered', path: '/vms/100', missing: ['VM.Config.Disk'] },
    ]);
    // vzdump's guest check runs inside the task: the hint says the task fails, not the request.
    const vzdumpGuest = issues.find((issue) => issue.method === 'vzdump' && issue.path === '/vms/100');
    expect(vzdumpGuest).toMatchObject({ source: 'worker', missing: ['VM.Backup'] });
    expect(vzdumpGuest?.hint).toContain('task that then fails');
  });

  it('tells a token with no ACL that reads come back empty and everything else is refused', () => {
    const issues = checkPrivileges(nothing, onGuest100);
    const listLXC = issues.find((issue) => issue.method === 'listLXC');
    expect(listLXC).toMatchObject({ mode: 'filtered', missing: ['VM.Audit'], path: '/vms/100' });
    expect(listLXC?.hint).toContain('silently leaves out');
    expect(methodsIn(issues)).not.toContain('version');
    expect(methodsIn(issues)).not.toContain('permissions');
    // Tasks: a token always reads its own.
    expect(methodsIn(issues)).not.toContain('waitTask');
    expect(methodsIn(checkPrivileges(nothing, { ...onGuest100, foreignTasks: true }))).toContain('waitTask');
  });

  it('checks the guest, storage and bridge the context names', () => {
    expect(checkPrivileges(scopedToGuest100, onGuest100, ['snapshot', 'start', 'restoreLXC'])).toEqual([]);
    const elsewhere = checkPrivileges(
      scopedToGuest100,
      { ...onGuest100, vmid: 200, storage: 'tank', bridge: 'vmbr1' },
      ['snapshot', 'restoreLXC'],
    );
    expect(elsewhere.map(({ method, path, missing }) => ({ method, path, missing }))).toEqual([
      { method: 'snapshot', path: '/vms/200', missing: ['VM.Snapshot'] },
      { method: 'restoreLXC', path: '/vms/200', missing: ['VM.Allocate'] },
      { method: 'restoreLXC', path: '/storage/tank', missing: ['Datastore.AllocateSpace'] },
      { method: 'restoreLXC', path: '/vms/200', missing: ['VM.Config.Network'] },
      { method: 'restoreLXC', path: '/sdn/zones/localnetwork/vmbr1', missing: ['SDN.Use'] },
    ]);
  });

  it('without a guest in the context, passes when the token holds the privilege on any guest', () => {
    expect(checkPrivileges(scopedToGuest100, { node: 'pve1' }, ['snapshot'])).toEqual([]);
    const issues = checkPrivileges(auditorOnly, { node: 'pve1' }, ['snapshot']);
    expect(issues).toEqual([expect.objectContaining({ path: '/vms/{vmid}', missing: ['VM.Snapshot'] })]);
    expect(issues[0]?.hint).toContain('pveum acl modify /vms ');
  });

  it('asks for VM.Backup on the owner when restoring another guest’s backup', () => {
    const dump: PermissionsDump = { ...agentOnRoot, '/vms/300': { 'VM.Audit': 0 } };
    const restore = { ...onGuest100, archiveOwner: 300, archiveStorage: 'backups' };
    expect(checkPrivileges(dump, restore, ['restoreLXC'])).toEqual([
      expect.objectContaining({ path: '/vms/300', missing: ['VM.Backup'], source: 'handler' }),
    ]);
    // Restoring a guest's own backup reads the archive as its owner: no extra check.
    expect(checkPrivileges(dump, { ...restore, archiveOwner: 100 }, ['restoreLXC'])).toEqual([]);
  });

  it('lets VM.Allocate on the pool stand in for /vms/{vmid} when restoring into that pool', () => {
    const onPool: PermissionsDump = {
      ...agentOnRoot,
      '/vms': { 'VM.Audit': 1, 'VM.Config.Network': 1, 'VM.Config.Options': 1, 'VM.Config.Disk': 1 },
      '/pool/tenants': { 'VM.Allocate': 1 },
    };
    const withoutAllocate = Object.fromEntries(
      Object.entries(onPool).map(([path, privileges]) => [
        path,
        path === '/pool/tenants'
          ? privileges
          : Object.fromEntries(Object.entries(privileges).filter(([name]) => name !== 'VM.Allocate')),
      ]),
    );
    // No pool given: VM.Allocate on /vms/100 is missing.
    expect(checkPrivileges(withoutAllocate, onGuest100, ['restoreLXC'])).toEqual([
      expect.objectContaining({ path: '/vms/100', missing: ['VM.Allocate'] }),
    ]);
    // Restoring into the pool: the pool's VM.Allocate passes, as pve-container's create does.
    expect(checkPrivileges(withoutAllocate, { ...onGuest100, pool: 'tenants' }, ['restoreLXC'])).toEqual([]);
    expect(checkPrivileges(withoutAllocate, { ...onGuest100, options: ['pool'] }, ['restoreLXC'])).toEqual(
      [],
    );
    // Another pool does not.
    expect(checkPrivileges(withoutAllocate, { ...onGuest100, pool: 'other' }, ['restoreLXC'])).toHaveLength(
      1,
    );
  });

  it('checks setConfig key by key when the keys are given', () => {
    const dump: PermissionsDump = { '/vms/100': { 'VM.Config.Memory': 0 } };
    expect(checkPrivileges(dump, { ...onGuest100, configKeys: ['memory', 'swap'] }, ['setConfig'])).toEqual(
      [],
    );
    expect(
      checkPrivileges(dump, { ...onGuest100, configKeys: ['memory', 'cores', 'description'] }, [
        'setConfig',
      ]).map((issue) => issue.missing),
    ).toEqual([['VM.Config.CPU'], ['VM.Config.Options']]);
  });

  it('applies option-dependent checks only for the options sent', () => {
    const withPrune = checkPrivileges(agentOnRoot, { ...onGuest100, options: ['storage', 'prune-backups'] }, [
      'vzdump',
    ]);
    expect(withPrune).toEqual([
      expect.objectContaining({ path: '/storage/local', missing: ['Datastore.Allocate'] }),
    ]);
    // Reading another user's permissions needs Sys.Audit on /access; the agent role has it via /.
    expect(checkPrivileges(agentOnRoot, { options: ['userid'] }, ['permissions'])).toEqual([]);
    expect(checkPrivileges(nothing, { options: ['userid'] }, ['permissions']).map((i) => i.path)).toEqual([
      '/access',
    ]);
    expect(checkPrivileges(nothing, {}, ['permissions'])).toEqual([]);
  });

  it('puts the token id into the pveum hint', () => {
    const [issue] = checkPrivileges(auditorOnly, { ...onGuest100, tokenId: 'felhom@pve!agent' }, ['start']);
    expect(issue?.hint).toContain(
      "pveum acl modify /vms/100 --tokens 'felhom@pve!agent' --roles FelhomAgent",
    );
  });

  it('can leave filtered lists out', () => {
    const issues = checkPrivileges(nothing, { ...onGuest100, includeFiltered: false });
    expect(issues.some((issue) => issue.mode === 'filtered')).toBe(false);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('rejects a body that is not a permissions object, and unknown method names', () => {
    expect(() => checkPrivileges([] as unknown as PermissionsDump)).toThrow(InvalidArgumentError);
    expect(() => checkPrivileges(agentOnRoot, {}, ['bogus' as 'start'])).toThrow(/methods/);
  });
});
