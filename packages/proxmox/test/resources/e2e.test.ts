import { APIError, ProxmoxClient, TLSPinError, type UPID } from '@felhom/proxmox';
import {
  SIM_AGENT_PRIVILEGES,
  SimulatedCluster,
  type SimulatorServer,
  startSimulatorServer,
} from '@felhom/proxmox/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agentToken, caught } from './simulator.js';

// Every method end to end: the client over real HTTPS to the simulated host on 127.0.0.1, the
// certificate pinned by its SHA-256 fingerprint. Tasks run 20 ms of real time and are polled
// every 5–20 ms, so the waits stay short.
const cluster = new SimulatedCluster({ taskDurationMs: 20 });
let server: SimulatorServer;
let client: ProxmoxClient;
const backup = cluster.latestBackup(100)!.volid;

beforeAll(async () => {
  server = await startSimulatorServer(cluster);
  client = new ProxmoxClient({
    baseUrl: server.url,
    token: agentToken,
    tls: { fingerprint: server.fingerprint256 },
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => cluster.clearRequestLog());

const wait = (upid: UPID | null, lines?: string[]) => {
  if (!upid) throw new Error('expected a task');
  return client.waitTask(upid, {
    minDelay: 5,
    maxDelay: 20,
    timeout: 10_000,
    ...(lines && { onProgress: ({ lines: added }) => lines.push(...added.map((l) => l.text)) }),
  });
};

describe('over HTTPS with a pinned certificate', () => {
  it('refuses a wrong pin before sending anything', async () => {
    const wrong = new ProxmoxClient({
      baseUrl: server.url,
      token: agentToken,
      tls: {
        fingerprint: server.fingerprint256.replace(
          /^../,
          server.fingerprint256.startsWith('00') ? '11' : '00',
        ),
      },
      retry: { limit: 0 },
    });
    const error = await caught(() => wrong.version());
    await wrong.close();
    expect(error).toBeInstanceOf(TLSPinError);
    expect(cluster.requests).toEqual([]);
  });

  it('reads: version, nodes, nodeStatus, clusterResources, permissions', async () => {
    expect((await client.version()).release).toBe('9.1');
    expect((await client.nodes()).map((n) => n.node).sort()).toEqual(['pve1', 'pve2', 'pve3']);
    expect((await client.nodeStatus('pve1')).cpuinfo.cpus).toBeGreaterThan(0);
    expect((await client.clusterResources('storage')).every((r) => r.type === 'storage')).toBe(true);
    expect(Object.keys((await client.permissions('/'))['/'] ?? {}).sort()).toEqual(
      [...SIM_AGENT_PRIVILEGES].sort(),
    );
    expect(cluster.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('reads: listLXC, guestStatus, guestConfig, listSnapshots', async () => {
    expect((await client.listLXC('pve2')).map((g) => g.vmid)).toEqual([200]);
    expect((await client.guestStatus('pve2', 200)).status).toBe('running');
    expect((await client.guestConfig('pve2', 200)).cores).toBe(4);
    expect((await client.listSnapshots('pve1', 101)).snapshots.map((s) => s.name)).toEqual([
      'before-upgrade',
    ]);
  });

  it('reads: listStorage, nodeStorage, storageContent, listTasks', async () => {
    expect((await client.listStorage()).length).toBe(3);
    expect((await client.nodeStorage('pve1', { storage: 'local' })).map((s) => s.storage)).toEqual(['local']);
    expect(
      (await client.storageContent('pve1', 'local', { content: 'backup' })).map((v) => v.volid),
    ).toContain(backup);
    expect(Array.isArray(await client.listTasks('pve1', { source: 'all' }))).toBe(true);
  });

  it('setConfig applies a change, and a stale digest is refused as a conflict', async () => {
    const { digest } = await client.guestConfig('pve2', 200);
    await client.setConfig('pve2', 200, { description: 'changed over https' }, { digest });
    expect((await client.guestConfig('pve2', 200)).description).toBe('changed over https');
    const error = await caught(() => client.setConfig('pve2', 200, { memory: 512 }, { digest }));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ reason: 'conflict' });
  });

  it('shutdown of a running container', async () => {
    const upid = await client.shutdown('pve2', 200, { timeout: 10 });
    expect(upid.type).toBe('vzshutdown');
    await wait(upid);
    expect((await client.guestStatus('pve2', 200)).status).toBe('stopped');
  });

  it('restore → start → snapshot → rollback → delete snapshot → vzdump → stop, waiting on each task', async () => {
    const progress: string[] = [];
    const restored = await client.restoreLXC('pve1', {
      vmid: 150,
      archive: backup,
      storage: 'local-lvm',
      hostname: 'web-copy',
      unique: true,
    });
    expect(restored.type).toBe('vzrestore');
    expect((await wait(restored, progress)).status).toBe('ok');
    expect(progress).toContain(`restoring '${backup}' now..`);
    expect((await client.guestConfig('pve1', 150)).hostname).toBe('web-copy');

    await wait(await client.start('pve1', 150));
    expect((await client.guestStatus('pve1', 150)).status).toBe('running');

    const snap = await client.snapshot('pve1', 150, { name: 'clean', description: 'right after restore' });
    await wait(snap);
    await client.setConfig('pve1', 150, { memory: 4096 });
    const rolled = await client.rollback('pve1', 150, 'clean', { start: true });
    await wait(rolled);
    expect((await client.guestConfig('pve1', 150)).memory).toBe(1024);
    expect((await client.guestStatus('pve1', 150)).status).toBe('running');

    await wait(await client.deleteSnapshot('pve1', 150, 'clean'));
    expect((await client.listSnapshots('pve1', 150)).snapshots).toEqual([]);

    const dumped = await client.vzdump('pve1', {
      vmid: 150,
      storage: 'local',
      compress: 'zstd',
      mode: 'snapshot',
    });
    expect(dumped?.type).toBe('vzdump');
    await wait(dumped);
    const backups = await client.storageContent('pve1', 'local', { content: 'backup', vmid: 150 });
    expect(backups).toHaveLength(1);
    expect(backups[0]?.volid).toMatch(/^local:backup\/vzdump-lxc-150-.*\.tar\.zst$/);

    await wait(await client.stop('pve1', 150));
    expect((await client.guestStatus('pve1', 150)).status).toBe('stopped');
    const types = (await client.listTasks('pve1', { vmid: 150, limit: 20 })).map((t) => t.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'vzrestore',
        'vzstart',
        'vzsnapshot',
        'vzrollback',
        'vzdelsnapshot',
        'vzdump',
        'vzstop',
      ]),
    );
  });
});
