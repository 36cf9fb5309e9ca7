import { APIError, type ProxmoxClient, TaskError } from '@felhom/proxmox';
import { SIM_AGENT_PRIVILEGES } from '@felhom/proxmox/testing';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// Privilege denials through the client: a simulator token lacking one privilege gets PVE's 403
// "Permission check failed (PATH, PRIV)", which the client turns into an APIError with the ACL
// path and privileges parsed. List endpoints never deny: they filter.
const sim = useSimulator();
const secret = '7c0d5a1e-1111-4222-8333-944455566677';

/** A client whose token holds the agent role on `/` minus `missing`. */
function without(missing: string): ProxmoxClient {
  const id = `felhom@pve!no-${missing.replaceAll('.', '-').toLowerCase()}`;
  sim.cluster.addToken({ id, secret, privileges: SIM_AGENT_PRIVILEGES.filter((p) => p !== missing) });
  return sim.clientFor(id, secret);
}

type Denial = readonly [
  method: string,
  missing: string,
  call: (c: ProxmoxClient) => Promise<unknown>,
  path: string,
  privileges: readonly string[],
];

const denials: readonly Denial[] = [
  ['nodeStatus', 'Sys.Audit', (c) => c.nodeStatus('pve1'), '/nodes/pve1', ['Sys.Audit']],
  ['guestStatus', 'VM.Audit', (c) => c.guestStatus('pve1', 100), '/vms/100', ['VM.Audit']],
  ['guestConfig', 'VM.Audit', (c) => c.guestConfig('pve1', 100), '/vms/100', ['VM.Audit']],
  ['listSnapshots', 'VM.Audit', (c) => c.listSnapshots('pve1', 101), '/vms/101', ['VM.Audit']],
  [
    'snapshot',
    'VM.Snapshot',
    (c) => c.snapshot('pve1', 100, { name: 'denied' }),
    '/vms/100',
    ['VM.Snapshot'],
  ],
  [
    'deleteSnapshot',
    'VM.Snapshot',
    (c) => c.deleteSnapshot('pve1', 101, 'before-upgrade'),
    '/vms/101',
    ['VM.Snapshot'],
  ],
  ['start', 'VM.PowerMgmt', (c) => c.start('pve1', 101), '/vms/101', ['VM.PowerMgmt']],
  ['stop', 'VM.PowerMgmt', (c) => c.stop('pve1', 100), '/vms/100', ['VM.PowerMgmt']],
  ['shutdown', 'VM.PowerMgmt', (c) => c.shutdown('pve1', 100), '/vms/100', ['VM.PowerMgmt']],
  [
    'vzdump (target storage)',
    'Datastore.AllocateSpace',
    (c) => c.vzdump('pve1', { vmid: 100, storage: 'nas' }),
    '/storage/nas',
    ['Datastore.AllocateSpace'],
  ],
  [
    'setConfig (a key)',
    'VM.Config.Memory',
    (c) => c.setConfig('pve1', 100, { memory: 2048 }),
    '/vms/100',
    ['VM.Config.Memory'],
  ],
];

describe('a token lacking the privilege gets an APIError with the permission parsed', () => {
  it.each(denials)('%s without %s', async (_method, missing, call, path, privileges) => {
    const error = await caught(() => call(without(missing)));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 403, reason: 'permission' });
    expect((error as APIError).permission).toEqual({
      kind: 'privilege',
      path,
      privileges,
      anyOf: privileges.length > 1,
    });
  });

  it('rollback needs VM.Snapshot or VM.Snapshot.Rollback (check_any)', async () => {
    const id = 'felhom@pve!audit-only';
    sim.cluster.addToken({ id, secret, privileges: ['VM.Audit'] });
    const error = await caught(() => sim.clientFor(id, secret).rollback('pve1', 101, 'before-upgrade'));
    expect((error as APIError).permission).toEqual({
      kind: 'privilege',
      path: '/vms/101',
      privileges: ['VM.Snapshot', 'VM.Snapshot.Rollback'],
      anyOf: true,
    });
    // VM.Snapshot.Rollback alone is enough.
    sim.cluster.addToken({ id, secret, privileges: ['VM.Snapshot.Rollback'] });
    expect((await sim.clientFor(id, secret).rollback('pve1', 101, 'before-upgrade')).type).toBe('vzrollback');
  });

  it('setConfig with no config privilege at all names all five (any of)', async () => {
    const id = 'felhom@pve!reader';
    sim.cluster.addToken({ id, secret, privileges: ['VM.Audit'] });
    const denied = (await caught(() =>
      sim.clientFor(id, secret).setConfig('pve1', 100, { memory: 2048 }),
    )) as APIError;
    expect(denied.permission).toMatchObject({
      kind: 'privilege',
      path: '/vms/100',
      privileges: [
        'VM.Config.Disk',
        'VM.Config.CPU',
        'VM.Config.Memory',
        'VM.Config.Network',
        'VM.Config.Options',
      ],
      anyOf: true,
    });
  });

  it('restoreLXC without Datastore.AllocateSpace on the target storage', async () => {
    const id = 'felhom@pve!restore';
    sim.cluster.addToken({
      id,
      secret,
      acl: [
        {
          path: '/',
          privileges: SIM_AGENT_PRIVILEGES.filter((p) => p !== 'Datastore.AllocateSpace'),
          propagate: true,
        },
        {
          path: '/storage/local',
          privileges: ['Datastore.Audit', 'Datastore.AllocateSpace'],
          propagate: true,
        },
      ],
    });
    const error = await caught(() =>
      sim.clientFor(id, secret).restoreLXC('pve1', {
        vmid: 105,
        archive: sim.cluster.latestBackup(100)!.volid,
        storage: 'local-lvm',
      }),
    );
    expect((error as APIError).permission).toEqual({
      kind: 'privilege',
      path: '/storage/local-lvm',
      privileges: ['Datastore.AllocateSpace'],
      anyOf: false,
    });
  });

  it('restoreLXC without VM.Allocate: the bare "Permission check failed"', async () => {
    const error = await caught(() =>
      without('VM.Allocate').restoreLXC('pve1', {
        vmid: 105,
        archive: sim.cluster.latestBackup(100)!.volid,
        storage: 'local-lvm',
      }),
    );
    expect(error).toMatchObject({ status: 403, reason: 'permission', permission: { kind: 'unspecified' } });
  });

  it('storageContent without Datastore.Audit and AllocateSpace (check_any)', async () => {
    const id = 'felhom@pve!vm-only';
    sim.cluster.addToken({ id, secret, privileges: ['VM.Audit'] });
    const error = await caught(() => sim.clientFor(id, secret).storageContent('pve1', 'local'));
    expect((error as APIError).permission).toEqual({
      kind: 'privilege',
      path: '/storage/local',
      privileges: ['Datastore.Audit', 'Datastore.AllocateSpace'],
      anyOf: true,
    });
  });

  it('vzdump without VM.Backup: the call succeeds, the task fails with the privilege parsed', async () => {
    const upid = await without('VM.Backup').vzdump('pve1', { vmid: 100 });
    if (!upid) throw new Error('expected a task');
    sim.cluster.completeAllTasks();
    const owner = sim.clientFor('felhom@pve!no-vm-backup', secret);
    const failed = (await caught(() => owner.waitTask(upid))) as TaskError;
    expect(failed).toBeInstanceOf(TaskError);
    expect(failed.permission).toEqual({
      kind: 'privilege',
      path: '/vms/100',
      privileges: ['VM.Backup'],
      anyOf: false,
    });
  });
});

describe('a zero-privilege token gets silently filtered lists, never a 403', () => {
  it('lists are empty (or stripped) but succeed', async () => {
    const id = 'felhom@pve!nothing';
    sim.cluster.addToken({ id, secret, privileges: [] });
    const client = sim.clientFor(id, secret);
    expect(await client.listLXC('pve1')).toEqual([]);
    expect(await client.listStorage()).toEqual([]);
    expect(await client.nodeStorage('pve1')).toEqual([]);
    expect(await client.listTasks('pve1')).toEqual([]);
    const resources = await client.clusterResources();
    expect(resources.filter((r) => ['lxc', 'qemu', 'storage'].includes(r.type))).toEqual([]);
    expect(resources.filter((r) => r.type === 'node' && r.cpu !== undefined)).toEqual([]);
    const nodes = await client.nodes();
    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.cpu === undefined && n.maxmem === undefined)).toBe(true);
    expect(await client.permissions()).toEqual({});
    expect((await client.version()).major).toBe(9);
    expect(sim.cluster.requests.every((r) => r.status === 200)).toBe(true);
  });
});
