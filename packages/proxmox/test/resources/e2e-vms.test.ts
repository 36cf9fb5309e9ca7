import { APIError, ProxmoxClient, TaskError, type UPID } from '@felhom/proxmox';
import { SimulatedCluster, type SimulatorServer, startSimulatorServer } from '@felhom/proxmox/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/record-requests.js';
import { agentToken, assertRequestsConform } from './simulator.js';

// The VM methods end to end: the client over real HTTPS to the simulated host on 127.0.0.1, the
// certificate pinned, waiting for each task with waitTask. The seeded cluster has a running Home
// Assistant OS VM (102 on pve1: UEFI, guest agent) and a stopped build VM with a snapshot (201 on
// pve2). Every request the file sends is checked against the official API schema at the end.
const cluster = new SimulatedCluster({ taskDurationMs: 20 });
let server: SimulatorServer;
let client: ProxmoxClient;
const sent: RecordedRequest[] = [];

beforeAll(async () => {
  server = await startSimulatorServer(cluster);
  client = new ProxmoxClient({
    baseUrl: server.url,
    token: agentToken,
    tls: { fingerprint: server.fingerprint256 },
    retry: { limit: 0 },
  });
});
afterEach(() => {
  sent.push(...cluster.requests.map((r) => ({ ...r, query: new URLSearchParams(r.query) })));
  cluster.clearRequestLog();
});
afterAll(async () => {
  await client.close();
  await server.close();
  assertRequestsConform(sent);
});

/** Waits for a task, collecting its log lines. */
async function wait(upid: UPID, lines: string[] = []) {
  return client.waitTask(upid, {
    minDelay: 5,
    maxDelay: 20,
    timeout: 10_000,
    onProgress: ({ lines: added }) => lines.push(...added.map((line) => line.text)),
  });
}

describe('VM reads over HTTPS', () => {
  it('listVMs and vmStatus: the running Home Assistant VM with what QEMU reports', async () => {
    const vms = await client.listVMs('pve1');
    expect(vms.map((vm) => [vm.vmid, vm.name, vm.status])).toEqual([[102, 'haos', 'running']]);
    expect(vms[0]?.tags).toEqual(['felhom', 'homeassistant']);
    const status = await client.vmStatus('pve1', 102);
    expect(status).toMatchObject({ vmid: 102, status: 'running', qmpstatus: 'running', agent: true });
    expect(status.ha).toEqual({ managed: false });
    expect(status.maxmem).toBe(4096 * 1024 * 1024);
  });

  it('vmConfig: drives, the EFI disk, NICs with model and MAC, memory, agent, typed', async () => {
    const config = await client.vmConfig('pve1', 102);
    expect(config.drives.scsi0).toEqual({
      file: 'local-lvm:vm-102-disk-1',
      discard: 'on',
      iothread: true,
      size: '32G',
      ssd: true,
    });
    expect(config.efidisk0).toEqual({
      file: 'local-lvm:vm-102-disk-0',
      efitype: '4m',
      preEnrolledKeys: false,
      size: '4M',
    });
    expect(config.nets[0]).toMatchObject({ model: 'virtio', bridge: 'vmbr0' });
    expect(config.nets[0]?.macaddr).toMatch(/^BC:24:11(:[0-9A-F]{2}){3}$/);
    expect(config).toMatchObject({ memory: 4096, cores: 2, bios: 'ovmf', onboot: true, name: 'haos' });
    expect(config.agent).toEqual({ enabled: true });
    expect(config.digest).toMatch(/^[0-9a-f]{40}$/);
  });

  it('listVMSnapshots and vmConfig of a snapshot: the build VM before its memory was raised', async () => {
    const { snapshots, current } = await client.listVMSnapshots('pve2', 201);
    expect(snapshots.map((snap) => [snap.name, snap.vmstate])).toEqual([['clean-install', false]]);
    expect(current).toMatchObject({ parent: 'clean-install', running: false });
    const now = await client.vmConfig('pve2', 201);
    const then = await client.vmConfig('pve2', 201, { snapshot: 'clean-install' });
    expect([then.memory, now.memory]).toEqual([4096, 8192]);
    expect(now.drives.ide2).toEqual({ file: 'none', media: 'cdrom' });
  });
});

describe('VM mutations over HTTPS, waiting for each task', () => {
  it('snapshot with RAM before an upgrade, a pending memory change, reboot, rollback, delete', async () => {
    const log: string[] = [];
    const taken = await client.snapshotVM('pve1', 102, {
      name: 'before_upgrade',
      description: 'Home Assistant 2026.11',
      vmstate: true,
    });
    expect(taken).toMatchObject({ type: 'qmsnapshot', id: '102', node: 'pve1' });
    expect((await wait(taken, log)).status).toBe('ok');
    expect(log).toContain("saving VM state and RAM using storage 'local-lvm'");
    const { snapshots } = await client.listVMSnapshots('pve1', 102);
    expect(snapshots.map((snap) => [snap.name, snap.vmstate, snap.description])).toEqual([
      ['before_upgrade', true, 'Home Assistant 2026.11'],
    ]);

    // A running VM cannot take more memory at once: the change waits for the next start.
    const { digest, vmgenid } = await client.vmConfig('pve1', 102);
    await client.setVMConfig('pve1', 102, { memory: 6144, description: 'upgraded' }, { digest });
    expect((await client.vmConfig('pve1', 102)).memory).toBe(6144);
    expect((await client.vmConfig('pve1', 102, { current: true })).memory).toBe(4096);
    const stale = await caughtError(() => client.setVMConfig('pve1', 102, { cores: 4 }, { digest }));
    expect(stale).toMatchObject({ reason: 'conflict' });

    const rebooted = await client.rebootVM('pve1', 102, { timeout: 60 });
    expect(rebooted.type).toBe('qmreboot');
    await wait(rebooted);
    expect((await client.vmConfig('pve1', 102, { current: true })).memory).toBe(6144);

    const rolled = await client.rollbackVM('pve1', 102, 'before_upgrade');
    expect(rolled.type).toBe('qmrollback');
    await wait(rolled);
    const restored = await client.vmConfig('pve1', 102);
    expect([restored.memory, restored.description, restored.parent]).toEqual([
      4096,
      'upgraded',
      'before_upgrade',
    ]);
    expect(restored.vmgenid).not.toBe(vmgenid);
    // The snapshot held the RAM: the VM runs again where it was.
    expect((await client.vmStatus('pve1', 102)).status).toBe('running');

    const deleted = await client.deleteVMSnapshot('pve1', 102, 'before_upgrade');
    expect(deleted.type).toBe('qmdelsnapshot');
    await wait(deleted);
    expect((await client.listVMSnapshots('pve1', 102)).snapshots).toEqual([]);
  });

  it('shutdown, start and stop, each a qm task that changes the status', async () => {
    const down = await client.shutdownVM('pve1', 102, { timeout: 120, forceStop: true });
    expect(down.type).toBe('qmshutdown');
    await wait(down);
    expect((await client.vmStatus('pve1', 102)).status).toBe('stopped');
    const up = await client.startVM('pve1', 102);
    expect(up.type).toBe('qmstart');
    await wait(up);
    expect((await client.vmStatus('pve1', 102)).status).toBe('running');
    const stopped = await client.stopVM('pve1', 102);
    expect(stopped.type).toBe('qmstop');
    await wait(stopped);
    expect((await client.vmStatus('pve1', 102)).status).toBe('stopped');
    const refused = await caughtError(() => client.rebootVM('pve1', 102));
    expect(refused).toMatchObject({ status: 500, hostMessage: 'VM 102 not running' });
  });

  it('setVMConfig allocates a new disk and a NIC on a stopped VM', async () => {
    await client.setVMConfig('pve2', 201, {
      drives: { scsi1: { file: 'local-lvm:8', discard: 'on' } },
      nets: { 1: { model: 'virtio', bridge: 'vmbr0', tag: 20 } },
      onboot: false,
    });
    const config = await client.vmConfig('pve2', 201);
    expect(config.drives.scsi1).toMatchObject({ file: 'local-lvm:vm-201-disk-1', discard: 'on', size: '8G' });
    expect(config.nets[1]).toMatchObject({ model: 'virtio', bridge: 'vmbr0', tag: 20 });
    expect(config.nets[1]?.macaddr).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    expect(config.onboot).toBe(false);
  });

  it('vzdump backs a VM up as a VMA archive; restoreVM makes a copy with new MACs', async () => {
    const dumped = await client.vzdump('pve1', {
      vmid: 102,
      storage: 'local',
      mode: 'snapshot',
      compress: 'zstd',
    });
    expect(dumped?.type).toBe('vzdump');
    if (!dumped) throw new Error('expected a backup task');
    const dumpLog: string[] = [];
    await wait(dumped, dumpLog);
    expect(dumpLog).toContain('INFO: Starting Backup of VM 102 (qemu)');
    const [archive] = await client
      .storageContent('pve1', 'local', { content: 'backup', vmid: 102 })
      .then((items) =>
        items
          .filter((item) => item.volid.endsWith('.vma.zst'))
          .sort((a, b) => (b.ctime ?? 0) - (a.ctime ?? 0)),
      );
    expect(archive?.volid).toMatch(/^local:backup\/vzdump-qemu-102-.*\.vma\.zst$/);

    const restoreLog: string[] = [];
    const upid = await client.restoreVM('pve1', {
      vmid: 150,
      archive: archive?.volid ?? '',
      storage: 'local-lvm',
      name: 'haos-copy',
      unique: true,
      onboot: false,
    });
    expect(upid.type).toBe('qmrestore');
    expect((await wait(upid, restoreLog)).status).toBe('ok');
    expect(restoreLog.some((line) => line.startsWith('restore vma archive: zstd -q -d -c'))).toBe(true);
    const [copy, original] = await Promise.all([client.vmConfig('pve1', 150), client.vmConfig('pve1', 102)]);
    expect([copy.name, copy.onboot, copy.memory]).toEqual(['haos-copy', false, original.memory]);
    // Every disk is allocated anew for the copy, none shared with the original.
    expect(copy.drives.scsi0?.file).toMatch(/^local-lvm:vm-150-disk-\d+$/);
    expect(copy.efidisk0?.file).toMatch(/^local-lvm:vm-150-disk-\d+$/);
    expect(copy.efidisk0?.file).not.toBe(copy.drives.scsi0?.file);
    expect(copy.nets[0]?.macaddr).not.toBe(original.nets[0]?.macaddr);
    const types = (await client.listTasks('pve1', { limit: 50, source: 'all' })).map((task) => task.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'qmsnapshot',
        'qmrollback',
        'qmdelsnapshot',
        'qmreboot',
        'qmstart',
        'qmstop',
        'qmshutdown',
        'qmrestore',
        'vzdump',
      ]),
    );
  });

  it('restoreVM of a container backup fails the task, which waitTask reports as a TaskError', async () => {
    const archive = cluster.latestBackup(100)?.volid ?? '';
    const upid = await client.restoreVM('pve1', { vmid: 151, archive, storage: 'local-lvm' });
    const error = await caughtError(() => wait(upid));
    expect(error).toBeInstanceOf(TaskError);
    expect((error as TaskError).exitStatus).toMatch(/does not look like a QemuServer vzdump backup/);
  });
});

async function caughtError(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    if (error instanceof APIError || error instanceof TaskError) return error;
    throw error;
  }
  throw new Error('expected the action to fail');
}
