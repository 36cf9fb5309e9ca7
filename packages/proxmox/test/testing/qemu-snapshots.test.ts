import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test-support/data.js';
import { dataOf, useSimulatedHost } from './sim-harness.js';

const host = useSimulatedHost();
const { api } = host;

const snapshots = async (vmid: number, node: string) =>
  dataOf<Record<string, unknown>[]>(await api('GET', `/nodes/${node}/qemu/${vmid}/snapshot`));

describe('listing VM snapshots', () => {
  it('gives every snapshot vmstate and snaptime, and ends with current, as a real host does', async () => {
    const list = await snapshots(201, 'pve2');
    expect(list).toEqual([
      {
        name: 'clean-install',
        snaptime: expect.any(Number),
        vmstate: 0,
        description: 'fresh Debian 13 install',
      },
      {
        name: 'current',
        digest: expect.stringMatching(/^[0-9a-f]{40}$/),
        running: 0,
        description: 'You are here!',
        parent: 'clean-install',
      },
    ]);
    const capture = JSON.parse(
      readFileSync(dataPath('pve-captures', 'fixtures', 'qemu-snapshot-list', 'fog-proxmox-1.json'), 'utf8'),
    ) as { body: { data: Record<string, unknown>[] } };
    for (const [index, entry] of capture.body.data.entries()) {
      expect(Object.keys(list[index]!).sort()).toEqual(Object.keys(entry).sort());
    }
  });
});

describe('taking a VM snapshot', () => {
  it('saves the RAM of a running VM with vmstate, snapshots each disk, and locks the VM meanwhile', async () => {
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/qemu/102/snapshot', {
        params: { snapname: 'pre_update', vmstate: 1, description: 'before HAOS 16' },
      }),
    );
    expect(upid).toMatch(/:qmsnapshot:102:felhom@pve!agent:$/);
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/status/current')).lock).toBe('snapshot');
    expect((await snapshots(102, 'pve1'))[0]).toMatchObject({
      name: 'pre_update',
      snapstate: 'prepare',
      vmstate: 1,
    });
    const { log, exitstatus } = await host.finish(upid);
    expect(exitstatus).toBe('OK');
    expect(log).toEqual([
      '  Logical volume "vm-102-state-pre_update" created.',
      "saving VM state and RAM using storage 'local-lvm'",
      expect.stringMatching(/^\d+\.\d\d MiB in 0s$/),
      expect.stringMatching(/^\d+\.\d\d (MiB|GiB) in 1s$/),
      expect.stringMatching(/^completed saving the VM state in 2s, saved \d+\.\d\d (MiB|GiB)$/),
      "snapshotting 'drive-scsi0' (local-lvm:vm-102-disk-1)",
      '  Logical volume "snap_vm-102-disk-1_pre_update" created.',
      "snapshotting 'drive-efidisk0' (local-lvm:vm-102-disk-0)",
      '  Logical volume "snap_vm-102-disk-0_pre_update" created.',
      'TASK OK',
    ]);
    expect((await snapshots(102, 'pve1'))[0]).toEqual({
      name: 'pre_update',
      snaptime: expect.any(Number),
      vmstate: 1,
      description: 'before HAOS 16',
    });
    const snapConfig = dataOf(
      await api('GET', '/nodes/pve1/qemu/102/config', { params: { snapshot: 'pre_update' } }),
    );
    expect(snapConfig).toMatchObject({
      vmstate: 'local-lvm:vm-102-state-pre_update',
      runningmachine: 'pc-q35-10.1+pve0',
    });
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/config')).parent).toBe('pre_update');
  });

  it('fails the call for reserved names and a missing VM, and the task for a used name or a lock', async () => {
    for (const name of ['current', 'PENDING']) {
      const res = await api('POST', '/nodes/pve2/qemu/201/snapshot', { params: { snapname: name } });
      expect(res.statusText).toBe(
        `unable to use snapshot name '${name}' (reserved name)`.replace('PENDING', 'pending'),
      );
    }
    const missing = await api('POST', '/nodes/pve2/qemu/555/snapshot', { params: { snapname: 'x1' } });
    expect([missing.status, missing.statusText]).toEqual([
      500,
      "Configuration file 'nodes/pve2/qemu-server/555.conf' does not exist",
    ]);
    const used = dataOf<string>(
      await api('POST', '/nodes/pve2/qemu/201/snapshot', { params: { snapname: 'clean-install' } }),
    );
    expect((await host.finish(used)).log).toEqual(["TASK ERROR: snapshot name 'clean-install' already used"]);
    await api('POST', '/nodes/pve2/vzdump', { params: { vmid: 201, storage: 'nas' } });
    const locked = dataOf<string>(
      await api('POST', '/nodes/pve2/qemu/201/snapshot', { params: { snapname: 'x2' } }),
    );
    expect((await host.finish(locked)).exitstatus).toBe('VM is locked (backup)');
  });

  it('needs VM.Snapshot', async () => {
    host.cluster.addToken({ id: 'aud@pve!ro', secret: 'r', privileges: ['VM.Audit'] });
    const res = await api('POST', '/nodes/pve2/qemu/201/snapshot', {
      token: 'aud@pve!ro=r',
      params: { snapname: 'x3' },
    });
    expect([res.status, res.statusText]).toEqual([403, 'Permission check failed (/vms/201, VM.Snapshot)']);
  });
});

describe('rolling back and deleting', () => {
  it('rolls a stopped VM back to its disks and config, and starts it only with start=1 and VM.PowerMgmt', async () => {
    await api('PUT', '/nodes/pve2/qemu/201/config', { params: { memory: 16384 } });
    const upid = dataOf<string>(await api('POST', '/nodes/pve2/qemu/201/snapshot/clean-install/rollback'));
    const { log } = await host.finish(upid);
    expect(log).toEqual([
      '  Logical volume "vm-201-disk-0" successfully removed.',
      '  Logical volume "vm-201-disk-0" created.',
      'TASK OK',
    ]);
    const config = dataOf(await api('GET', '/nodes/pve2/qemu/201/config'));
    expect(config).toMatchObject({ memory: '4096', parent: 'clean-install' });
    expect(host.cluster.guest(201)?.status).toBe('stopped');
    host.cluster.addToken({
      id: 'snap@pve!rb',
      secret: 's',
      acl: [{ path: '/vms/201', privileges: ['VM.Snapshot.Rollback'] }],
    });
    const denied = await api('POST', '/nodes/pve2/qemu/201/snapshot/clean-install/rollback', {
      token: 'snap@pve!rb=s',
      params: { start: 1 },
    });
    expect(denied.statusText).toBe('Permission check failed (/vms/201, VM.PowerMgmt)');
    const started = dataOf<string>(
      await api('POST', '/nodes/pve2/qemu/201/snapshot/clean-install/rollback', { params: { start: 1 } }),
    );
    await host.finish(started);
    expect(host.cluster.guest(201)?.status).toBe('running');
  });

  it('resumes a VM from a snapshot with RAM: stopped while the task runs, running after it', async () => {
    await host.finish(
      dataOf(await api('POST', '/nodes/pve1/qemu/102/snapshot', { params: { snapname: 'ram', vmstate: 1 } })),
    );
    const upid = dataOf<string>(await api('POST', '/nodes/pve1/qemu/102/snapshot/ram/rollback'));
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/status/current'))).toMatchObject({
      status: 'stopped',
      lock: 'rollback',
    });
    expect((await host.finish(upid)).exitstatus).toBe('OK');
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/status/current'))).toMatchObject({
      status: 'running',
    });
  });

  it('deletes a snapshot with its RAM state, relinking the parent', async () => {
    await host.finish(
      dataOf(await api('POST', '/nodes/pve1/qemu/102/snapshot', { params: { snapname: 'ram', vmstate: 1 } })),
    );
    expect(host.cluster.volumes.some((v) => v.volid === 'local-lvm:vm-102-state-ram')).toBe(true);
    const upid = dataOf<string>(await api('DELETE', '/nodes/pve1/qemu/102/snapshot/ram'));
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/status/current')).lock).toBe('snapshot-delete');
    expect((await host.finish(upid)).log).toEqual([
      '  Logical volume "vm-102-state-ram" successfully removed.',
      '  Logical volume "snap_vm-102-disk-1_ram" successfully removed.',
      '  Logical volume "snap_vm-102-disk-0_ram" successfully removed.',
      'TASK OK',
    ]);
    expect(host.cluster.volumes.some((v) => v.volid === 'local-lvm:vm-102-state-ram')).toBe(false);
    expect((await snapshots(102, 'pve1')).map((s) => s.name)).toEqual(['current']);
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/config'))).not.toHaveProperty('parent');
    const gone = dataOf<string>(
      await api('DELETE', '/nodes/pve1/qemu/102/snapshot/ram', { params: { force: 1 } }),
    );
    expect((await host.finish(gone)).exitstatus).toBe("snapshot 'ram' does not exist");
  });

  it('fails a delete while another snapshot task holds the lock, even with force', async () => {
    await api('POST', '/nodes/pve2/qemu/201/snapshot', { params: { snapname: 'second' } });
    const upid = dataOf<string>(
      await api('DELETE', '/nodes/pve2/qemu/201/snapshot/clean-install', { params: { force: 1 } }),
    );
    expect((await host.finish(upid)).exitstatus).toBe('VM is locked (snapshot)');
  });
});
