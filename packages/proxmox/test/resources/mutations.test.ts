import { APIError, TaskError, type UPID } from '@felhom/proxmox';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// The mutating methods against the simulated cluster through msw. Tasks run on the simulator's
// clock (Date.now, faked here from the current time on), so waiting on them takes no real time.
const sim = useSimulator();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Waits for a task while fake time passes. */
async function waitFor(upid: UPID, lines?: string[]) {
  const result = sim.client.waitTask(upid, {
    ...(lines && { onProgress: ({ lines: added }) => lines.push(...added.map((l) => l.text)) }),
  });
  const settled = result.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.advanceTimersByTimeAsync(60_000);
  const outcome = (await settled) as { value?: Awaited<typeof result>; error?: unknown };
  if ('error' in outcome) throw outcome.error;
  return outcome.value as Awaited<typeof result>;
}

/** The seeded backup of CT 100 (its name carries a time relative to the cluster's clock). */
const backup = (): string => sim.cluster.latestBackup(100)!.volid;

describe('restoreLXC', () => {
  it('restores a backup into a new container with the given config, and the task says so', async () => {
    const upid = await sim.client.restoreLXC('pve1', {
      vmid: 105,
      archive: backup(),
      storage: 'local-lvm',
      hostname: 'web-restored',
      memory: 512,
      unprivileged: true,
      features: { nesting: true },
      nets: { 0: { name: 'eth0', bridge: 'vmbr0', ip: 'dhcp' } },
      rootfs: { volume: 'local-lvm:4' },
      unique: true,
    });
    expect(upid).toMatchObject({
      node: 'pve1',
      type: 'vzrestore',
      id: '105',
      user: 'felhom@pve',
      tokenId: 'agent',
    });
    expect(sim.cluster.requests.at(-1)?.body).toMatchObject({
      vmid: '105',
      ostemplate: backup(),
      restore: '1',
      storage: 'local-lvm',
      hostname: 'web-restored',
      unprivileged: '1',
      features: 'nesting=1',
      net0: 'name=eth0,bridge=vmbr0,ip=dhcp',
      rootfs: 'local-lvm:4',
      unique: '1',
    });
    const lines: string[] = [];
    const result = await waitFor(upid, lines);
    expect(result.status).toBe('ok');
    expect(lines).toContain(`restoring '${backup()}' now..`);
    const config = await sim.client.guestConfig('pve1', 105);
    expect(config).toMatchObject({ hostname: 'web-restored', memory: 512 });
    expect(config.rootfs?.volume).toBe('local-lvm:vm-105-disk-0');
  });

  it('fails the task when the archive does not exist', async () => {
    const upid = await sim.client.restoreLXC('pve1', {
      vmid: 106,
      archive: 'local:backup/vzdump-lxc-1-x.tar.zst',
      storage: 'local-lvm',
    });
    const error = await caught(() => waitFor(upid));
    expect(error).toBeInstanceOf(TaskError);
    expect((error as TaskError).exitStatus).toContain('does not exist');
  });

  it('refuses an existing vmid without force (conflict)', async () => {
    const error = await caught(() => sim.client.restoreLXC('pve1', { vmid: 100, archive: backup() }));
    expect(error).toMatchObject({ status: 500, reason: 'conflict' });
  });
});

describe('snapshots and power', () => {
  it('snapshot → rollback (with start) → deleteSnapshot, each resolving to its task', async () => {
    const taken = await sim.client.snapshot('pve1', 100, {
      name: 'pre-change',
      description: 'before the change',
    });
    expect(taken.type).toBe('vzsnapshot');
    await waitFor(taken);
    expect((await sim.client.listSnapshots('pve1', 100)).snapshots).toEqual([
      expect.objectContaining({ name: 'pre-change', description: 'before the change' }),
    ]);
    const rolled = await sim.client.rollback('pve1', 100, 'pre-change', { start: true });
    expect(rolled.type).toBe('vzrollback');
    expect(sim.cluster.requests.at(-1)?.body).toEqual({ start: '1' });
    await waitFor(rolled);
    expect((await sim.client.guestStatus('pve1', 100)).status).toBe('running');
    const deleted = await sim.client.deleteSnapshot('pve1', 100, 'pre-change', { force: true });
    expect(deleted.type).toBe('vzdelsnapshot');
    expect(sim.cluster.requests.at(-1)?.query).toEqual({ force: '1' });
    await waitFor(deleted);
    expect((await sim.client.listSnapshots('pve1', 100)).snapshots).toEqual([]);
  });

  it('a lock held by a running task fails the next task with the host text', async () => {
    const first = await sim.client.snapshot('pve1', 101, { name: 'one' });
    const second = await sim.client.snapshot('pve1', 101, { name: 'two' });
    const error = await caught(() => waitFor(second));
    expect((error as TaskError).exitStatus).toBe('CT is locked (snapshot)');
    expect((await waitFor(first)).status).toBe('ok');
  });

  it('start, shutdown (host timeout + forceStop) and stop change the status', async () => {
    const started = await sim.client.start('pve1', 101);
    expect(started).toMatchObject({ type: 'vzstart', id: '101' });
    await waitFor(started);
    expect((await sim.client.guestStatus('pve1', 101)).status).toBe('running');
    const down = await sim.client.shutdown('pve1', 101, { timeout: 30, forceStop: true });
    expect(down.type).toBe('vzshutdown');
    expect(sim.cluster.requests.at(-1)?.body).toEqual({ timeout: '30', forceStop: '1' });
    await waitFor(down);
    expect((await sim.client.guestStatus('pve1', 101)).status).toBe('stopped');
    await waitFor(await sim.client.start('pve1', 101));
    const stopped = await sim.client.stop('pve1', 101);
    expect(stopped.type).toBe('vzstop');
    await waitFor(stopped);
    expect((await sim.client.guestStatus('pve1', 101)).status).toBe('stopped');
  });

  it('starting a running container is refused synchronously', async () => {
    const error = await caught(() => sim.client.start('pve1', 100));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).hostMessage).toContain('CT 100 already running');
  });
});

describe('vzdump', () => {
  it('backs up a container with mode, storage, compression and notes, writing a volume', async () => {
    const upid = await sim.client.vzdump('pve1', {
      vmid: 101,
      mode: 'snapshot',
      storage: 'nas',
      compress: 'zstd',
      notesTemplate: '{{guestname}} on {{node}}',
      remove: false,
    });
    expect(upid).toMatchObject({ type: 'vzdump', id: '101' });
    expect(sim.cluster.requests.at(-1)?.body).toEqual({
      vmid: '101',
      mode: 'snapshot',
      storage: 'nas',
      compress: 'zstd',
      'notes-template': '{{guestname}} on {{node}}',
      remove: '0',
    });
    if (!upid) throw new Error('expected a task');
    await waitFor(upid);
    const backups = await sim.client.storageContent('pve1', 'nas', { vmid: 101 });
    expect(backups.map((b) => b.notes)).toContain('db on pve1');
  });

  it('resolves to null when no listed guest is on the node (the host answers OK)', async () => {
    expect(await sim.client.vzdump('pve1', { vmid: [200, 300] })).toBeNull();
    expect(sim.cluster.requests.at(-1)?.body).toEqual({ vmid: '200,300' });
  });
});

describe('setConfig', () => {
  it('applies typed changes and deletions synchronously', async () => {
    await sim.client.setConfig(
      'pve1',
      100,
      {
        memory: 2048,
        onboot: false,
        tags: ['felhom', 'web', 'big'],
        nets: { 1: { name: 'eth1', bridge: 'vmbr0', ip: 'dhcp' } },
      },
      { delete: ['description'] },
    );
    expect(sim.cluster.requests.at(-1)?.body).toMatchObject({
      memory: '2048',
      onboot: '0',
      tags: 'felhom;web;big',
      net1: 'name=eth1,bridge=vmbr0,ip=dhcp',
      delete: 'description',
    });
    const config = await sim.client.guestConfig('pve1', 100);
    expect(config).toMatchObject({ memory: 2048, onboot: false, tags: ['felhom', 'web', 'big'] });
    expect(config.description).toBeUndefined();
    expect(config.nets[1]?.name).toBe('eth1');
  });

  it('with the digest: a concurrent edit wins, the stale one is refused as a conflict', async () => {
    const { digest } = await sim.client.guestConfig('pve1', 100);
    const [first, second] = await Promise.allSettled([
      sim.client.setConfig('pve1', 100, { memory: 3072 }, { digest }),
      sim.client.setConfig('pve1', 100, { memory: 4096 }, { digest }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    const error = (second as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ reason: 'conflict', status: 500, method: 'PUT' });
    expect((error as APIError).hostMessage).toContain('detected modified configuration');
    expect((await sim.client.guestConfig('pve1', 100)).memory).toBe(3072);
  });

  it('is refused while a task holds the lock', async () => {
    await sim.client.vzdump('pve1', { vmid: 100 });
    const error = await caught(() => sim.client.setConfig('pve1', 100, { memory: 2048 }));
    expect(error).toMatchObject({ reason: 'locked' });
  });
});
