import { InvalidArgumentError, type ProxmoxClient } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// The VM methods refuse bad input before any request: a typed error naming the parameter and
// the value, and nothing in the simulated host's request log.
const sim = useSimulator();

type Case = readonly [
  label: string,
  call: (c: ProxmoxClient) => Promise<unknown>,
  parameter: string,
  value: unknown,
];

const cases: readonly Case[] = [
  ['listVMs node', (c) => c.listVMs('pve1/..'), 'node', 'pve1/..'],
  ['vmStatus vmid', (c) => c.vmStatus('pve1', 12), 'vmid', 12],
  [
    'vmConfig snapshot',
    (c) => c.vmConfig('pve1', 102, { snapshot: 'current' }),
    'options.snapshot',
    'current',
  ],
  [
    'vmConfig current with snapshot',
    (c) => c.vmConfig('pve1', 102, { current: true, snapshot: 'before' }),
    'options.current',
    true,
  ],
  ['listVMSnapshots vmid', (c) => c.listVMSnapshots('pve1', 0), 'vmid', 0],
  ['setVMConfig cores', (c) => c.setVMConfig('pve1', 102, { cores: 0 }), 'cores', 0],
  ['setVMConfig cpulimit', (c) => c.setVMConfig('pve1', 102, { cpulimit: 200 }), 'cpulimit', 200],
  ['setVMConfig memory', (c) => c.setVMConfig('pve1', 102, { memory: 8 }), 'memory', 8],
  ['setVMConfig ostype', (c) => c.setVMConfig('pve1', 102, { ostype: 'linux' }), 'ostype', 'linux'],
  [
    'setVMConfig extra cores as text',
    (c) => c.setVMConfig('pve1', 102, { extra: { cores: 'four' } }),
    'extra.cores',
    'four',
  ],
  [
    'setVMConfig read-only key',
    (c) => c.setVMConfig('pve1', 102, { extra: { meta: 'x' } }),
    'extra.meta',
    'x',
  ],
  [
    'setVMConfig drive key',
    (c) => c.setVMConfig('pve1', 102, { drives: { scsi31: { file: 'local-lvm:8' } } as never }),
    'drives.scsi31',
    'scsi31',
  ],
  [
    'setVMConfig drive cache',
    (c) => c.setVMConfig('pve1', 102, { drives: { scsi1: { file: 'local-lvm:8', cache: 'fast' } } }),
    'drives.scsi1.cache',
    'fast',
  ],
  [
    'setVMConfig drive without file',
    (c) => c.setVMConfig('pve1', 102, { drives: { virtio0: {} as never } }),
    'drives.virtio0.file',
    undefined,
  ],
  [
    'setVMConfig nic model',
    (c) => c.setVMConfig('pve1', 102, { nets: { 0: { model: 'realtek' } } }),
    'net0.model',
    'realtek',
  ],
  [
    'setVMConfig nic mac',
    (c) => c.setVMConfig('pve1', 102, { nets: { 0: { model: 'virtio', macaddr: 'BC:24:11' } } }),
    'net0.macaddr',
    'BC:24:11',
  ],
  [
    'setVMConfig nic index',
    (c) => c.setVMConfig('pve1', 102, { nets: { 32: { model: 'virtio' } } }),
    'nets[32]',
    '32',
  ],
  [
    'setVMConfig efitype',
    (c) => c.setVMConfig('pve1', 102, { efidisk0: { file: 'local-lvm:1', efitype: '8m' } }),
    'efidisk0.efitype',
    '8m',
  ],
  [
    'setVMConfig agent type',
    (c) => c.setVMConfig('pve1', 102, { agent: { enabled: true, type: 'serial' } }),
    'agent.type',
    'serial',
  ],
  ['setVMConfig nothing', (c) => c.setVMConfig('pve1', 102, {}), 'changes', {}],
  [
    'setVMConfig force without delete',
    (c) => c.setVMConfig('pve1', 102, { onboot: true }, { force: true }),
    'options.force',
    true,
  ],
  [
    'setVMConfig digest',
    (c) => c.setVMConfig('pve1', 102, { onboot: true }, { digest: 'abc' }),
    'options.digest',
    'abc',
  ],
  ['snapshotVM name', (c) => c.snapshotVM('pve1', 102, { name: 'a' }), 'options.name', 'a'],
  [
    'snapshotVM vmstate',
    (c) => c.snapshotVM('pve1', 102, { name: 'ab', vmstate: 1 as never }),
    'options.vmstate',
    1,
  ],
  ['rollbackVM name', (c) => c.rollbackVM('pve1', 102, 'current'), 'name', 'current'],
  [
    'deleteVMSnapshot force',
    (c) => c.deleteVMSnapshot('pve1', 102, 'ab', { force: 'y' as never }),
    'options.force',
    'y',
  ],
  ['startVM vmid', (c) => c.startVM('pve1', -102), 'vmid', -102],
  ['stopVM node', (c) => c.stopVM('pve1 ', 102), 'node', 'pve1 '],
  ['shutdownVM timeout', (c) => c.shutdownVM('pve1', 102, { timeout: 90_000 }), 'options.timeout', 90_000],
  ['rebootVM timeout', (c) => c.rebootVM('pve1', 102, { timeout: 0.5 }), 'options.timeout', 0.5],
  [
    'restoreVM archive',
    (c) => c.restoreVM('pve1', { vmid: 150, archive: '/var/lib/vz/dump/x.vma' }),
    'spec.archive',
    '/var/lib/vz/dump/x.vma',
  ],
  [
    'restoreVM drives',
    (c) =>
      c.restoreVM('pve1', {
        vmid: 150,
        archive: 'local:backup/vzdump-qemu-102-2026_11_01-03_00_00.vma.zst',
        drives: { scsi0: { file: 'local-lvm:8' } },
      } as never),
    'spec.drives',
    { scsi0: { file: 'local-lvm:8' } },
  ],
  [
    'restoreVM name',
    (c) =>
      c.restoreVM('pve1', {
        vmid: 150,
        archive: 'local:backup/vzdump-qemu-102-2026_11_01-03_00_00.vma.zst',
        cores: -1,
      }),
    'cores',
    -1,
  ],
];

describe('VM inputs are validated before any request', () => {
  it.each(cases)('%s', async (_label, call, parameter, value) => {
    const error = await caught(() => call(sim.client));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ reason: 'invalid-argument', parameter });
    expect((error as InvalidArgumentError).value).toEqual(value);
    expect(sim.cluster.requests).toEqual([]);
  });
});

describe('valid VM reads are sent as PVE reads them', () => {
  it('vmConfig sends current as 1 and a snapshot by name', async () => {
    await sim.client.vmConfig('pve1', 102, { current: true });
    await sim.client.vmConfig('pve2', 201, { snapshot: 'clean-install' });
    expect(sim.cluster.requests.map((r) => [r.path, r.query, r.status])).toEqual([
      ['/nodes/pve1/qemu/102/config', { current: '1' }, 200],
      ['/nodes/pve2/qemu/201/config', { snapshot: 'clean-install' }, 200],
    ]);
  });

  it('setVMConfig writes drives, NICs and the agent as PVE writes them, booleans as 1/0', async () => {
    const { digest } = await sim.client.vmConfig('pve2', 201);
    await sim.client.setVMConfig(
      'pve2',
      201,
      {
        memory: 2048,
        onboot: true,
        tags: ['felhom', 'build'],
        drives: { scsi1: { file: 'local-lvm:8', discard: 'on', iothread: true } },
        nets: { 1: { model: 'virtio', macaddr: 'BC:24:11:5A:00:C9', bridge: 'vmbr0', tag: 20 } },
        agent: { enabled: true, fstrimClonedDisks: true },
      },
      { digest, delete: ['ide2'] },
    );
    expect(sim.cluster.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/nodes/pve2/qemu/201/config',
      status: 200,
      body: {
        memory: '2048',
        onboot: '1',
        tags: 'felhom;build',
        scsi1: 'local-lvm:8,discard=on,iothread=1',
        net1: 'virtio=BC:24:11:5A:00:C9,bridge=vmbr0,tag=20',
        agent: '1,fstrim_cloned_disks=1',
        delete: 'ide2',
        digest,
      },
    });
  });

  it('restoreVM sends the archive, the vmid and the config over the backed-up one', async () => {
    const archive = sim.cluster.latestBackup(102)?.volid ?? '';
    await sim.client.restoreVM('pve1', {
      vmid: 150,
      archive,
      storage: 'local-lvm',
      unique: true,
      name: 'copy',
    });
    expect(sim.cluster.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/nodes/pve1/qemu',
      status: 200,
      body: { vmid: '150', archive, storage: 'local-lvm', unique: '1', name: 'copy' },
    });
  });
});
