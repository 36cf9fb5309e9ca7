import { InvalidArgumentError, type ProxmoxClient } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// Bad input is refused before any request: a typed error naming the parameter and the value,
// and nothing in the simulated host's request log.
const sim = useSimulator();

type Case = readonly [
  label: string,
  call: (c: ProxmoxClient) => Promise<unknown>,
  parameter: string,
  value: unknown,
];

const backup = 'local:backup/vzdump-lxc-100-2026_11_01-03_00_00.tar.zst';
const cases: readonly Case[] = [
  ['nodeStatus node', (c) => c.nodeStatus('pve1; rm -rf /'), 'node', 'pve1; rm -rf /'],
  ['listLXC node', (c) => c.listLXC('-pve'), 'node', '-pve'],
  ['guestStatus vmid', (c) => c.guestStatus('pve1', 99), 'vmid', 99],
  ['guestStatus vmid (fraction)', (c) => c.guestStatus('pve1', 100.5), 'vmid', 100.5],
  [
    'guestConfig snapshot',
    (c) => c.guestConfig('pve1', 100, { snapshot: 'current' }),
    'options.snapshot',
    'current',
  ],
  [
    'guestConfig current',
    (c) => c.guestConfig('pve1', 100, { current: 'yes' as never }),
    'options.current',
    'yes',
  ],
  ['listSnapshots vmid', (c) => c.listSnapshots('pve1', 1_000_000_000), 'vmid', 1_000_000_000],
  ['listStorage type', (c) => c.listStorage({ type: 'NFS!' }), 'options.type', 'NFS!'],
  [
    'nodeStorage content',
    (c) => c.nodeStorage('pve1', { content: 'backups' as never }),
    'options.content',
    'backups',
  ],
  [
    'nodeStorage storage',
    (c) => c.nodeStorage('pve1', { storage: 'local/../x' }),
    'options.storage',
    'local/../x',
  ],
  ['storageContent storage', (c) => c.storageContent('pve1', '1local'), 'storage', '1local'],
  ['storageContent vmid', (c) => c.storageContent('pve1', 'local', { vmid: 5 }), 'filter.vmid', 5],
  ['clusterResources type', (c) => c.clusterResources('qemu' as never), 'type', 'qemu'],
  ['listTasks limit', (c) => c.listTasks('pve1', { limit: -1 }), 'filter.limit', -1],
  [
    'listTasks statusfilter',
    (c) => c.listTasks('pve1', { statusfilter: ['failed' as never] }),
    'filter.statusfilter',
    'failed',
  ],
  ['listTasks source', (c) => c.listTasks('pve1', { source: 'both' as never }), 'filter.source', 'both'],
  ['permissions path', (c) => c.permissions('vms/100'), 'path', 'vms/100'],
  ['version timeout', (c) => c.version({ timeout: 0 }), 'options.timeout', 0],
  ['nodes signal', (c) => c.nodes({ signal: 'stop' as never }), 'options.signal', 'stop'],
  ['restoreLXC vmid', (c) => c.restoreLXC('pve1', { vmid: 42, archive: backup }), 'spec.vmid', 42],
  [
    'restoreLXC archive',
    (c) => c.restoreLXC('pve1', { vmid: 105, archive: 'local:../../etc/shadow' }),
    'spec.archive',
    'local:../../etc/shadow',
  ],
  [
    'restoreLXC storage',
    (c) => c.restoreLXC('pve1', { vmid: 105, archive: backup, storage: 'a b' }),
    'spec.storage',
    'a b',
  ],
  [
    'restoreLXC net index',
    (c) => c.restoreLXC('pve1', { vmid: 105, archive: backup, nets: { 32: { name: 'eth0' } } }),
    'nets[32]',
    '32',
  ],
  [
    'restoreLXC force',
    (c) => c.restoreLXC('pve1', { vmid: 105, archive: backup, force: 1 as never }),
    'spec.force',
    1,
  ],
  ['vzdump vmid list', (c) => c.vzdump('pve1', { vmid: [100, 7] }), 'spec.vmid[1]', 7],
  ['vzdump mode', (c) => c.vzdump('pve1', { vmid: 100, mode: 'live' as never }), 'spec.mode', 'live'],
  [
    'vzdump notes',
    (c) => c.vzdump('pve1', { vmid: 100, notesTemplate: 'a\nb' }),
    'spec.notesTemplate',
    'a\nb',
  ],
  ['vzdump empty', (c) => c.vzdump('pve1', { vmid: [] }), 'spec.vmid', []],
  ['snapshot name', (c) => c.snapshot('pve1', 100, { name: '1st' }), 'options.name', '1st'],
  ['rollback name', (c) => c.rollback('pve1', 100, 'x'), 'name', 'x'],
  [
    'rollback start',
    (c) => c.rollback('pve1', 100, 'snap', { start: 'true' as never }),
    'options.start',
    'true',
  ],
  ['deleteSnapshot name', (c) => c.deleteSnapshot('pve1', 100, 'a/b'), 'name', 'a/b'],
  ['start vmid', (c) => c.start('pve1', '100; reboot' as never), 'vmid', '100; reboot'],
  ['stop node', (c) => c.stop('', 100), 'node', ''],
  ['shutdown timeout', (c) => c.shutdown('pve1', 100, { timeout: 1.5 }), 'options.timeout', 1.5],
  [
    'setConfig digest',
    (c) => c.setConfig('pve1', 100, { memory: 1024 }, { digest: 'abc' }),
    'options.digest',
    'abc',
  ],
  [
    'setConfig delete',
    (c) => c.setConfig('pve1', 100, {}, { delete: ['mp0,net0'] }),
    'options.delete',
    'mp0,net0',
  ],
  [
    'setConfig set+delete',
    (c) => c.setConfig('pve1', 100, { memory: 512 }, { delete: ['memory'] }),
    'options.delete',
    'memory',
  ],
  ['setConfig nothing', (c) => c.setConfig('pve1', 100, {}), 'changes', {}],
  ['setConfig tag', (c) => c.setConfig('pve1', 100, { tags: ['a b'] }), 'tags', 'a b'],
];

describe('inputs are validated before any request', () => {
  it.each(cases)('%s', async (_label, call, parameter, value) => {
    const error = await caught(() => call(sim.client));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ reason: 'invalid-argument', parameter });
    expect((error as InvalidArgumentError).value).toEqual(value);
    expect((error as Error).message).toContain(parameter);
    expect(sim.cluster.requests).toEqual([]);
  });
});

describe('valid input goes through', () => {
  it('numeric-string vmids and boundary values are accepted and sent as PVE reads them', async () => {
    await sim.client.guestStatus('pve1', 100);
    await sim.client.storageContent('pve1', 'local', { vmid: 999_999_999 });
    expect(sim.cluster.requests.map((r) => [r.path, r.query])).toEqual([
      ['/nodes/pve1/lxc/100/status/current', {}],
      ['/nodes/pve1/storage/local/content', { vmid: '999999999' }],
    ]);
  });
});
