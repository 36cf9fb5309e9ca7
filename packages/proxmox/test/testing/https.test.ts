import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { SimulatedCluster, type SimulatorServer, startSimulatorServer } from '@felhom/proxmox/testing';
import { Agent, buildConnector } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatViolations, validateRequest } from '../support/api-schema.js';
import { apiCaller, enc } from './helpers.js';

const norm = (fp: string): string => fp.replace(/[^0-9a-f]/gi, '').toUpperCase();

/**
 * An undici Agent that accepts exactly one certificate, by its SHA-256 fingerprint
 * (docs/security.md#why-pinning-is-built-this-way).
 */
function pinnedAgent(fingerprint256: string): Agent {
  const base = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
  return new Agent({
    connect(options, callback) {
      base(options, (error, socket) => {
        if (error) return callback(error, null);
        const presented = (socket as TLSSocket).getPeerCertificate().fingerprint256 ?? '';
        if (norm(presented) !== norm(fingerprint256)) {
          socket.destroy();
          return callback(new Error(`pin mismatch: presented ${presented}`), null);
        }
        callback(null, socket);
      });
    },
  });
}

// The simulator's own clock, started at the real time and moved on by hand.
let now = Date.now();
const cluster = new SimulatedCluster({ clock: { now: () => now } });
let server: SimulatorServer;
let dispatcher: Agent;
let call: ReturnType<typeof apiCaller>;
const pinned = () => ({ dispatcher });

beforeAll(async () => {
  server = await startSimulatorServer(cluster);
  dispatcher = pinnedAgent(server.fingerprint256);
  call = apiCaller(server.url);
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});
beforeEach(() => cluster.clearRequestLog());

describe('the HTTPS front door', () => {
  it('listens on 127.0.0.1 with a fresh self-signed certificate whose fingerprint it reports', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const cert = new X509Certificate(server.certificatePem);
    expect(server.fingerprint256).toBe(cert.fingerprint256);
    expect(server.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('answers through a pinned agent and through the PEM as a CA', async () => {
    const res = await call('GET', '/version', { init: pinned() });
    expect(res.body?.data).toMatchObject({ release: '9.1' });
    const caAgent = new Agent({ connect: { ca: server.certificatePem } });
    try {
      const viaCa = await call('GET', '/nodes', { init: { dispatcher: caAgent } });
      expect(viaCa.status).toBe(200);
    } finally {
      await caAgent.close();
    }
  });

  it('sends nothing to the host when the pin does not match', async () => {
    const wrong = pinnedAgent(
      '00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF',
    );
    try {
      await expect(call('GET', '/version', { init: { dispatcher: wrong } })).rejects.toThrow('fetch failed');
    } finally {
      await wrong.close();
    }
    expect(cluster.requests).toEqual([]);
  });

  it('puts PVE texts in the HTTP reason phrase: 401, 403, 595', async () => {
    cluster.addToken({ id: 'ro@pve!tok', secret: 'x1', privileges: ['VM.Audit'] });
    const denied = await call('POST', '/nodes/pve1/lxc/100/status/stop', {
      token: 'ro@pve!tok=x1',
      init: pinned(),
    });
    expect([denied.status, denied.statusText]).toEqual([
      403,
      'Permission check failed (/vms/100, VM.PowerMgmt)',
    ]);
    const unauth = await call('GET', '/version', { token: 'ro@pve!tok=nope', init: pinned() });
    expect([unauth.status, unauth.statusText, unauth.text]).toEqual([401, 'Authentication failed!', '']);
    cluster.setNodeOnline('pve2', false);
    try {
      const offline = await call('GET', '/nodes/pve2/status', { init: pinned() });
      expect([offline.status, offline.statusText]).toEqual([
        595,
        'Errors during connection establishment, proxy handshake: No route to host',
      ]);
    } finally {
      cluster.setNodeOnline('pve2', true);
    }
  });
});

describe('restore → start → snapshot → rollback → delete snapshot → vzdump → stop over HTTPS', () => {
  /** Polls the task on its node, moving the simulated clock on between polls, until it stops. */
  async function waitTask(upid: unknown): Promise<{ exitstatus: string; log: string[] }> {
    expect(upid).toMatch(/^UPID:pve1:/);
    for (let poll = 0; poll < 50; poll++) {
      const status = (await call('GET', `/nodes/pve1/tasks/${enc(upid)}/status`, { init: pinned() })).body!
        .data as {
        status: string;
        exitstatus?: string;
      };
      if (status.status === 'stopped') {
        const log = (
          await call('GET', `/nodes/pve1/tasks/${enc(upid)}/log`, { params: { limit: 0 }, init: pinned() })
        ).body!.data as { t: string }[];
        return { exitstatus: status.exitstatus ?? '', log: log.map((l) => l.t) };
      }
      now += 1000;
    }
    throw new Error(`task ${String(upid)} did not end`);
  }
  const post = async (path: string, params: Record<string, string | number | boolean> = {}) =>
    (await call('POST', path, { params, init: pinned() })).body?.data;
  const statusOf = async () =>
    (
      (await call('GET', '/nodes/pve1/lxc/150/status/current', { init: pinned() })).body!.data as {
        status: string;
      }
    ).status;

  it('walks the whole life of a container, each task ending TASK OK', async () => {
    const restore = await waitTask(
      await post('/nodes/pve1/lxc', {
        vmid: 150,
        restore: true,
        ostemplate: cluster.latestBackup(100)!.volid,
        storage: 'local-lvm',
        hostname: 'web-copy',
        unprivileged: true,
      }),
    );
    expect(restore.exitstatus).toBe('OK');
    expect(restore.log.at(-1)).toBe('TASK OK');
    expect(restore.log).toContain(`restoring '${cluster.latestBackup(100)!.volid}' now..`);
    expect(await statusOf()).toBe('stopped');

    expect((await waitTask(await post('/nodes/pve1/lxc/150/status/start'))).exitstatus).toBe('OK');
    expect(await statusOf()).toBe('running');

    expect(
      (await waitTask(await post('/nodes/pve1/lxc/150/snapshot', { snapname: 'golden' }))).exitstatus,
    ).toBe('OK');
    await call('PUT', '/nodes/pve1/lxc/150/config', { params: { memory: 4096 }, init: pinned() });

    const rollback = await waitTask(
      await post('/nodes/pve1/lxc/150/snapshot/golden/rollback', { start: true }),
    );
    expect(rollback.exitstatus).toBe('OK');
    const config = (await call('GET', '/nodes/pve1/lxc/150/config', { init: pinned() })).body!.data as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({ memory: 1024, hostname: 'web-copy', parent: 'golden' });
    expect(await statusOf()).toBe('running');

    expect(
      (
        await waitTask(
          await call('DELETE', '/nodes/pve1/lxc/150/snapshot/golden', { init: pinned() }).then(
            (r) => r.body?.data,
          ),
        )
      ).exitstatus,
    ).toBe('OK');
    const snapshots = (await call('GET', '/nodes/pve1/lxc/150/snapshot', { init: pinned() })).body!.data as {
      name: string;
    }[];
    expect(snapshots.map((s) => s.name)).toEqual(['current']);

    const dump = await waitTask(
      await post('/nodes/pve1/vzdump', {
        vmid: 150,
        storage: 'local',
        mode: 'snapshot',
        compress: 'zstd',
        'notes-template': '{{guestname}} on {{node}}',
      }),
    );
    expect(dump.exitstatus).toBe('OK');
    expect(dump.log).toContain('INFO: Backup job finished successfully');
    const backups = (
      await call('GET', '/nodes/pve1/storage/local/content', {
        params: { content: 'backup', vmid: 150 },
        init: pinned(),
      })
    ).body!.data as { volid: string; notes: string }[];
    expect(backups).toEqual([
      expect.objectContaining({
        volid: expect.stringMatching(
          /^local:backup\/vzdump-lxc-150-\d{4}_\d\d_\d\d-\d\d_\d\d_\d\d\.tar\.zst$/,
        ),
        notes: 'web-copy on pve1',
      }),
    ]);

    expect((await waitTask(await post('/nodes/pve1/lxc/150/status/stop'))).exitstatus).toBe('OK');
    expect(await statusOf()).toBe('stopped');
  });
});

describe('a VM over HTTPS: restore → start → snapshot with RAM → pending change → reboot → vzdump → shutdown', () => {
  async function waitTask(upid: unknown): Promise<{ exitstatus: string; log: string[] }> {
    expect(upid).toMatch(/^UPID:pve1:/);
    for (let poll = 0; poll < 50; poll++) {
      const status = (await call('GET', `/nodes/pve1/tasks/${enc(upid)}/status`, { init: pinned() })).body!
        .data as { status: string; exitstatus?: string };
      if (status.status === 'stopped') {
        const log = (
          await call('GET', `/nodes/pve1/tasks/${enc(upid)}/log`, { params: { limit: 0 }, init: pinned() })
        ).body!.data as { t: string }[];
        return { exitstatus: status.exitstatus ?? '', log: log.map((l) => l.t) };
      }
      now += 1000;
    }
    throw new Error(`task ${String(upid)} did not end`);
  }
  const send = async (method: string, path: string, params: Record<string, string | number | boolean> = {}) =>
    (await call(method, `/nodes/pve1/qemu${path}`, { params, init: pinned() })).body?.data as Record<
      string,
      unknown
    >;

  it('walks the life of a VM, each task ending TASK OK, every request valid for the schema', async () => {
    const archive = cluster.latestBackup(102)!.volid;
    const restore = await waitTask(
      await send('POST', '', { vmid: 160, archive, storage: 'local-lvm', unique: true }),
    );
    expect(restore.log).toContain("new volume ID is 'local-lvm:vm-160-disk-0'");
    expect(restore.exitstatus).toBe('OK');
    expect((await waitTask(await send('POST', '/160/status/start'))).exitstatus).toBe('OK');
    const snapshot = await waitTask(
      await send('POST', '/160/snapshot', { snapname: 'golden', vmstate: true }),
    );
    expect(snapshot.log).toContain("saving VM state and RAM using storage 'local-lvm'");
    expect(await send('PUT', '/160/config', { memory: 8192 })).toBeNull();
    expect((await send('GET', '/160/config', { current: true })).memory).toBe('4096');
    expect((await waitTask(await send('POST', '/160/status/reboot'))).exitstatus).toBe('OK');
    expect((await send('GET', '/160/config', { current: true })).memory).toBe('8192');
    const dump = await waitTask(
      (
        await call('POST', '/nodes/pve1/vzdump', {
          params: { vmid: 160, storage: 'local', compress: 'zstd' },
          init: pinned(),
        })
      ).body?.data,
    );
    expect(dump.log).toContain('INFO: Starting Backup of VM 160 (qemu)');
    expect(cluster.latestBackup(160)?.volid).toMatch(/^local:backup\/vzdump-qemu-160-.*\.vma\.zst$/);
    expect((await waitTask(await send('POST', '/160/status/shutdown'))).exitstatus).toBe('OK');
    expect((await send('GET', '/160/status/current')).status).toBe('stopped');
    const violations = cluster.requests.flatMap((request) => validateRequest(request));
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(cluster.requests.every((request) => request.status === 200)).toBe(true);
  });
});
