import {
  SIM_ROOT_TOKEN_ID,
  SIM_ROOT_TOKEN_SECRET,
  SimulatedCluster,
  type SimulatedClusterOptions,
} from '@felhom/proxmox/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulatorHandlers } from '../../src/testing/msw.js';
import { AGENT, apiCaller, enc } from './helpers.js';

const BASE = 'https://pve.example.test:8006';
const server = setupServer();
const api = apiCaller(BASE);
let cluster: SimulatedCluster;
let now: number;

function useCluster(options: SimulatedClusterOptions = {}): SimulatedCluster {
  cluster = new SimulatedCluster({ clock: { now: () => now }, ...options });
  server.resetHandlers(...createSimulatorHandlers(cluster, { baseUrl: BASE }));
  return cluster;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  now = Date.now();
  useCluster();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('authentication', () => {
  it('answers 401 with an empty body and PVE 9.1 reason for a bad secret, unknown token or none', async () => {
    for (const token of [`${AGENT.split('=')[0]}=wrong`, 'nobody@pve!x=1', null]) {
      const res = await api('GET', '/version', { token });
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
      expect(res.statusText).toBe(token === null ? 'No ticket' : 'Authentication failed!');
    }
  });

  it('gives the underlying reason on older profiles', async () => {
    useCluster({ profile: 'pve8' });
    expect((await api('GET', '/version', { token: `${AGENT.split('=')[0]}=wrong` })).statusText).toBe(
      'invalid token value!',
    );
    expect((await api('GET', '/version', { token: 'nobody@pve!tok=1' })).statusText).toBe(
      "no such token 'tok' for user 'nobody@pve'",
    );
  });

  it('logs the token id of each request but never its secret', async () => {
    cluster.clearRequestLog();
    await api('PUT', '/nodes/pve1/lxc/100/config', { params: { memory: 2048 } });
    expect(cluster.requests).toEqual([
      {
        method: 'PUT',
        path: '/nodes/pve1/lxc/100/config',
        query: {},
        body: { memory: '2048' },
        tokenId: 'felhom@pve!agent',
        endpoint: 'PUT /nodes/{node}/lxc/{vmid}/config',
        status: 200,
      },
    ]);
    expect(JSON.stringify(cluster.requests)).not.toContain(AGENT.split('=')[1]);
  });
});

describe('version profiles', () => {
  it('pve9: message in error bodies, numeric vmid in lists, pressure fields, memory.available', async () => {
    expect((await api('GET', '/version')).body?.data).toEqual({
      version: '9.1.2',
      release: '9.1',
      repoid: 'a7f1e2b4c9d03e58',
    });
    const err = await api('POST', '/nodes/pve1/lxc/100/status/start');
    expect(err).toMatchObject({ status: 500, statusText: 'CT 100 already running' });
    expect(err.body).toEqual({ data: null, message: 'CT 100 already running\n' });
    const list = (await api('GET', '/nodes/pve1/lxc')).body!.data as Record<string, unknown>[];
    expect(list.map((g) => g.vmid)).toEqual([100, 101]);
    expect(list[0]).toHaveProperty('pressurememorysome');
    expect(list[1]).not.toHaveProperty('pressurememorysome');
    const status = (await api('GET', '/nodes/pve1/status')).body!.data as Record<
      string,
      Record<string, unknown>
    >;
    expect(status.memory).toHaveProperty('available');
    expect(status['boot-info']).toEqual({ mode: 'efi', secureboot: 0 });
  });

  it('pve8: message kept, no pressure, no memory.available, boot-info present', async () => {
    useCluster({ profile: 'pve8' });
    expect((await api('GET', '/version')).body?.data).toMatchObject({ version: '8.4.1', release: '8.4' });
    expect((await api('POST', '/nodes/pve1/lxc/100/status/start')).body).toEqual({
      data: null,
      message: 'CT 100 already running\n',
    });
    const list = (await api('GET', '/nodes/pve1/lxc')).body!.data as Record<string, unknown>[];
    expect(list[0]).not.toHaveProperty('pressurememorysome');
    const status = (await api('GET', '/nodes/pve1/status')).body!.data as Record<
      string,
      Record<string, unknown>
    >;
    expect(status.memory).not.toHaveProperty('available');
    expect(status).toHaveProperty('current-kernel');
  });

  it('pve7: error text only in the reason phrase, vmid a string in the list (not in status/current)', async () => {
    useCluster({ profile: 'pve7' });
    expect((await api('GET', '/version')).body?.data).toEqual({
      version: '7.4-3',
      release: '7.4',
      repoid: '9002ab8a',
    });
    const err = await api('POST', '/nodes/pve1/lxc/100/status/start');
    expect(err.statusText).toBe('CT 100 already running');
    expect(err.body).toEqual({ data: null });
    const bad = await api('GET', '/nodes/pve1/lxc/99/status/current');
    expect(bad.body).toEqual({
      data: null,
      errors: { vmid: 'invalid format - value does not look like a valid VM ID\n' },
    });
    expect(((await api('GET', '/nodes/pve1/lxc')).body!.data as Record<string, unknown>[])[0]?.vmid).toBe(
      '100',
    );
    expect(
      ((await api('GET', '/nodes/pve1/lxc/100/status/current')).body!.data as Record<string, unknown>).vmid,
    ).toBe(100);
    const status = (await api('GET', '/nodes/pve1/status')).body!.data as Record<string, unknown>;
    expect(status).not.toHaveProperty('boot-info');
    expect(status).not.toHaveProperty('current-kernel');
  });
});

describe('a token with limited privileges', () => {
  const LIMITED = 'viewer@pve!audit=3f0e1b2c-0000-4000-8000-000000000001';
  beforeEach(() => {
    cluster.addToken({
      id: 'viewer@pve!audit',
      secret: '3f0e1b2c-0000-4000-8000-000000000001',
      acl: [
        { path: '/vms/100', privileges: ['VM.Audit'] },
        { path: '/storage/local', privileges: ['Datastore.Audit'] },
      ],
    });
  });

  it('gets 403 with the exact PVE text, reason phrase = message', async () => {
    const start = await api('POST', '/nodes/pve1/lxc/100/status/start', { token: LIMITED });
    expect(start.status).toBe(403);
    expect(start.statusText).toBe('Permission check failed (/vms/100, VM.PowerMgmt)');
    expect(start.body).toEqual({ data: null, message: 'Permission check failed (/vms/100, VM.PowerMgmt)\n' });
    const put = await api('PUT', '/nodes/pve1/lxc/100/config', { token: LIMITED, params: { memory: 512 } });
    expect(put.statusText).toBe(
      'Permission check failed (/vms/100, VM.Config.Disk|VM.Config.CPU|VM.Config.Memory|VM.Config.Network|VM.Config.Options)',
    );
    const rollback = await api('POST', '/nodes/pve1/lxc/101/snapshot/before-upgrade/rollback', {
      token: LIMITED,
    });
    expect(rollback.statusText).toBe('Permission check failed (/vms/101, VM.Snapshot|VM.Snapshot.Rollback)');
    const status = await api('GET', '/nodes/pve1/status', { token: LIMITED });
    expect(status.statusText).toBe('Permission check failed (/nodes/pve1, Sys.Audit)');
  });

  it('checks permissions before validating parameters and before proxying, as pveproxy does', async () => {
    expect((await api('GET', '/nodes/pve1/lxc/abc/status/current', { token: LIMITED })).statusText).toBe(
      'Permission check failed (/vms/abc, VM.Audit)',
    );
    cluster.setNodeOnline('pve3', false);
    expect((await api('GET', '/nodes/pve3/lxc/300/config', { token: LIMITED })).status).toBe(403);
  });

  it('sees lists silently filtered and node figures omitted', async () => {
    const guests = (await api('GET', '/nodes/pve1/lxc', { token: LIMITED })).body!.data as { vmid: number }[];
    expect(guests.map((g) => g.vmid)).toEqual([100]);
    const storages = (await api('GET', '/storage', { token: LIMITED })).body!.data as { storage: string }[];
    expect(storages.map((s) => s.storage)).toEqual(['local']);
    expect(
      ((await api('GET', '/nodes/pve1/storage', { token: LIMITED })).body!.data as unknown[]).length,
    ).toBe(1);
    const nodes = (await api('GET', '/nodes', { token: LIMITED })).body!.data as Record<string, unknown>[];
    expect(nodes.map((n) => n.node)).toEqual(['pve1', 'pve2', 'pve3']);
    for (const node of nodes) {
      for (const key of ['cpu', 'mem', 'disk', 'maxcpu', 'maxmem', 'maxdisk', 'uptime'])
        expect(node).not.toHaveProperty(key);
    }
    // templates are visible with Datastore.Audit; backups need VM.Backup on their guest too
    const content = (await api('GET', '/nodes/pve1/storage/local/content', { token: LIMITED })).body
      ?.data as { content: string }[];
    expect(new Set(content.map((c) => c.content))).toEqual(new Set(['vztmpl']));
    const resources = (await api('GET', '/cluster/resources', { token: LIMITED, params: { type: 'vm' } }))
      .body?.data;
    expect(resources).toEqual([expect.objectContaining({ id: 'lxc/100', vmid: 100 })]);
  });

  it('sees only its own tasks, and needs Sys.Audit for others', async () => {
    const upid = (await api('POST', '/nodes/pve1/lxc/101/status/start')).body?.data;
    cluster.completeAllTasks();
    const foreign = await api('GET', `/nodes/pve1/tasks/${enc(upid)}/status`, { token: LIMITED });
    expect(foreign.statusText).toBe('Permission check failed (/nodes/pve1, Sys.Audit)');
    expect((await api('GET', '/nodes/pve1/tasks', { token: LIMITED })).body).toEqual({ data: [], total: 0 });
    expect((await api('GET', '/nodes/pve1/tasks')).body?.total).toBe(1);
  });

  it('reports its permissions with propagate flags', async () => {
    const perms = await api('GET', '/access/permissions', { token: LIMITED });
    expect(perms.body?.data).toEqual({
      '/vms/100': { 'VM.Audit': 1 },
      '/storage/local': { 'Datastore.Audit': 1 },
    });
    const one = await api('GET', '/access/permissions', { token: LIMITED, params: { path: '/vms/101' } });
    expect(one.body?.data).toEqual({});
  });
});

describe('host errors', () => {
  it('595 with an empty body for calls proxied to an offline node', async () => {
    cluster.setNodeOnline('pve3', false);
    const res = await api('GET', '/nodes/pve3/lxc');
    expect(res).toMatchObject({
      status: 595,
      statusText: 'Errors during connection establishment, proxy handshake: No route to host',
      text: '',
    });
    const nodes = (await api('GET', '/nodes')).body!.data as Record<string, unknown>[];
    expect(nodes[2]).toEqual({
      node: 'pve3',
      status: 'offline',
      id: 'node/pve3',
      type: 'node',
      level: '',
      ssl_fingerprint: expect.any(String),
    });
  });

  it('501 for unknown methods, 400 with PVE wording for bad parameters, 500 for unknown nodes', async () => {
    expect((await api('GET', '/nodes/pve1/qemu/102/pending')).statusText).toBe(
      "Method 'GET /nodes/pve1/qemu/102/pending' not implemented",
    );
    const bad = await api('POST', '/nodes/pve1/vzdump', { params: { vmid: '100', mode: 'fast', bogus: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.statusText).toBe('Parameter verification failed.');
    expect(bad.body?.errors).toEqual({
      mode: "value 'fast' does not have a value in the enumeration 'snapshot, suspend, stop'",
      bogus: 'property is not defined in schema and the schema does not allow additional properties',
    });
    const missing = await api('POST', '/nodes/pve1/lxc/100/snapshot');
    expect(missing.body?.errors).toEqual({ snapname: 'property is missing and it is not optional' });
    expect((await api('GET', '/nodes/nope/lxc')).statusText).toBe(
      "hostname lookup 'nope' failed - failed to get address info for: nope: Name or service not known",
    );
    expect((await api('GET', '/nodes/pve1/lxc/555/config')).statusText).toBe(
      "Configuration file 'nodes/pve1/lxc/555.conf' does not exist",
    );
    expect(
      (await api('POST', '/nodes/pve1/lxc', { params: { vmid: 200, ostemplate: 'local:vztmpl/x.tar.zst' } }))
        .statusText,
    ).toBe("CT 200 already exists on node 'pve2'");
    expect((await api('POST', '/nodes/pve1/lxc/101/status/stop')).statusText).toBe('CT 101 not running');
  });
});

describe('config digest and locks', () => {
  it('refuses a PUT with a stale digest and keeps the newer write', async () => {
    const digest = ((await api('GET', '/nodes/pve1/lxc/100/config')).body!.data as { digest: string }).digest;
    expect(
      (await api('PUT', '/nodes/pve1/lxc/100/config', { params: { memory: 2048, digest } })).body,
    ).toEqual({ data: null });
    const stale = await api('PUT', '/nodes/pve1/lxc/100/config', {
      params: { memory: 4096, digest },
      json: true,
    });
    expect(stale.status).toBe(500);
    expect(stale.statusText).toBe('detected modified configuration - file changed by other user? Try again.');
    expect(((await api('GET', '/nodes/pve1/lxc/100/config')).body!.data as { memory: number }).memory).toBe(
      2048,
    );
  });

  it('applies delete and refuses an empty change', async () => {
    await api('PUT', '/nodes/pve1/lxc/100/config', { params: { delete: 'tags,description' } });
    const config = (await api('GET', '/nodes/pve1/lxc/100/config')).body!.data as Record<string, unknown>;
    expect(config).not.toHaveProperty('tags');
    expect(config).not.toHaveProperty('description');
    expect((await api('PUT', '/nodes/pve1/lxc/100/config')).statusText).toBe('no options specified');
  });

  it('holds `CT is locked (backup)` while vzdump runs: config PUT fails, a start task fails', async () => {
    const dump = await api('POST', '/nodes/pve1/vzdump', {
      params: { vmid: '100,101', storage: 'local', mode: 'snapshot' },
    });
    expect(dump.body?.data).toMatch(/:vzdump::felhom@pve!agent:$/);
    const put = await api('PUT', '/nodes/pve1/lxc/101/config', { params: { memory: 512 } });
    expect(put.statusText).toBe('CT is locked (backup)');
    const start = (await api('POST', '/nodes/pve1/lxc/101/status/start')).body?.data;
    now += 1000;
    const status = (await api('GET', `/nodes/pve1/tasks/${enc(start)}/status`)).body?.data;
    expect(status).toMatchObject({ status: 'stopped', exitstatus: 'CT is locked (backup)' });
    cluster.completeAllTasks();
    expect((await api('PUT', '/nodes/pve1/lxc/101/config', { params: { memory: 512 } })).status).toBe(200);
  });
});

describe('task log paging and the task index', () => {
  it('pages with start/limit (default 50, 0 = all) and reports the total', async () => {
    const upid = (
      await api('POST', '/nodes/pve1/vzdump', { params: { vmid: 100, storage: 'local', compress: 'zstd' } })
    ).body!.data as string;
    cluster.completeAllTasks();
    const all = await api('GET', `/nodes/pve1/tasks/${enc(upid)}/log`, { params: { limit: 0 } });
    const total = all.body?.total ?? 0;
    expect(total).toBeGreaterThan(10);
    expect((all.body!.data as unknown[]).length).toBe(total);
    expect((all.body!.data as { t: string }[]).at(-1)).toEqual({ n: total, t: 'TASK OK' });
    const page = await api('GET', `/nodes/pve1/tasks/${enc(upid)}/log`, { params: { start: 3, limit: 4 } });
    expect(page.body).toEqual({ data: (all.body!.data as unknown[]).slice(3, 7), total });
    expect((page.body!.data as { n: number }[])[0]?.n).toBe(4);
    const bad = await api('GET', `/nodes/pve1/tasks/${enc('UPID:pve1:garbage')}/status`);
    expect(bad.body?.errors).toEqual({ upid: 'unable to parse worker upid' });
    const other = await api('GET', `/nodes/pve2/tasks/${enc(upid)}/status`);
    expect(other.body?.errors).toEqual({ upid: 'no such task' });
  });

  it('lists finished tasks by default, running ones with source=active, newest first', async () => {
    await api('POST', '/nodes/pve1/lxc/101/status/start');
    now += 5000;
    await api('POST', '/nodes/pve1/lxc/100/snapshot', { params: { snapname: 'pre' } });
    expect((await api('GET', '/nodes/pve1/tasks')).body?.data).toEqual([
      expect.objectContaining({
        type: 'vzstart',
        status: 'OK',
        user: 'felhom@pve',
        tokenid: 'agent',
        endtime: expect.any(Number),
      }),
    ]);
    const active = (await api('GET', '/nodes/pve1/tasks', { params: { source: 'active' } })).body?.data;
    expect(active).toEqual([expect.objectContaining({ type: 'vzsnapshot', status: 'RUNNING' })]);
    const all = (await api('GET', '/nodes/pve1/tasks', { params: { source: 'all', limit: 1 } })).body;
    expect(all?.total).toBe(2);
    expect((all!.data as { type: string }[])[0]?.type).toBe('vzsnapshot');
  });
});

describe('request bodies', () => {
  it('accepts JSON bodies with booleans and numbers like form bodies', async () => {
    const root = `${SIM_ROOT_TOKEN_ID}=${SIM_ROOT_TOKEN_SECRET}`;
    const res = await api('POST', '/nodes/pve1/lxc', {
      json: true,
      token: root,
      params: {
        vmid: 120,
        ostemplate: 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
        rootfs: 'local-lvm:4',
        unprivileged: true,
        start: true,
      },
    });
    expect(res.body?.data).toMatch(/:vzcreate:120:root@pam!sim:$/);
    cluster.completeAllTasks();
    const config = (await api('GET', '/nodes/pve1/lxc/120/config')).body?.data;
    expect(config).toMatchObject({
      unprivileged: 1,
      ostype: 'debian',
      rootfs: 'local-lvm:vm-120-disk-0,size=4G',
    });
    expect(
      ((await api('GET', '/nodes/pve1/lxc/120/status/current')).body!.data as { status: string }).status,
    ).toBe('running');
  });
});

describe('checks inside workers and on create', () => {
  async function finish(upid: unknown): Promise<{ exitstatus: string; log: string[] }> {
    cluster.completeAllTasks();
    const status = (await api('GET', `/nodes/pve1/tasks/${enc(upid)}/status`)).body!.data as {
      exitstatus: string;
    };
    const log = (await api('GET', `/nodes/pve1/tasks/${enc(upid)}/log`, { params: { limit: 0 } })).body!
      .data as { t: string }[];
    return { exitstatus: status.exitstatus, log: log.map((l) => l.t) };
  }

  it('fails snapshot tasks (not the POST) for a used name, a missing snapshot or a missing CT', async () => {
    const used = await api('POST', '/nodes/pve1/lxc/101/snapshot', {
      params: { snapname: 'before-upgrade' },
    });
    expect(used.status).toBe(200);
    expect(await finish(used.body?.data)).toEqual({
      exitstatus: "snapshot name 'before-upgrade' already used",
      log: ["TASK ERROR: snapshot name 'before-upgrade' already used"],
    });
    const missing = await api('DELETE', '/nodes/pve1/lxc/101/snapshot/nope');
    expect((await finish(missing.body?.data)).exitstatus).toBe("snapshot 'nope' does not exist");
    const noCt = await api('POST', '/nodes/pve1/lxc/555/snapshot/before-upgrade/rollback');
    expect((await finish(noCt.body?.data)).exitstatus).toBe(
      "Configuration file 'nodes/pve1/lxc/555.conf' does not exist",
    );
    expect(
      (await api('POST', '/nodes/pve1/lxc/101/snapshot', { params: { snapname: 'current' } })).statusText,
    ).toBe("unable to use snapshot name 'current' (reserved name)");
  });

  it('backs up what it may and fails the job for a guest without VM.Backup', async () => {
    cluster.addToken({
      id: 'backup@pve!job',
      secret: 'b1',
      acl: [
        { path: '/vms/100', privileges: ['VM.Backup', 'VM.Audit'] },
        { path: '/storage/local', privileges: ['Datastore.AllocateSpace'] },
      ],
    });
    const upid = (
      await api('POST', '/nodes/pve1/vzdump', {
        token: 'backup@pve!job=b1',
        params: { vmid: '100,101', storage: 'local' },
      })
    ).body?.data;
    const result = await finish(upid);
    expect(result.exitstatus).toBe('job errors');
    expect(result.log).toContain(
      'ERROR: Backup of VM 101 failed - Permission check failed (/vms/101, VM.Backup)',
    );
    expect(result.log.at(-1)).toBe('TASK ERROR: job errors');
    const backups = (await api('GET', '/nodes/pve1/storage/local/content', { params: { content: 'backup' } }))
      .body!.data as {
      vmid: number;
    }[];
    expect(backups.filter((b) => b.vmid === 100)).toHaveLength(2);
    expect(backups.filter((b) => b.vmid === 101)).toHaveLength(0);
    const denied = await api('POST', '/nodes/pve1/vzdump', {
      token: 'backup@pve!job=b1',
      params: { vmid: 100, storage: 'nas' },
    });
    expect(denied.statusText).toBe('Permission check failed (/storage/nas, Datastore.AllocateSpace)');
  });

  it('checks restore rights in PVE order: free vmid, VM.Allocate (bare 403), the archive, the target storage', async () => {
    cluster.addToken({
      id: 'dev@pve!ci',
      secret: 'c1',
      acl: [{ path: '/vms/130', privileges: ['VM.Allocate'] }],
    });
    const restore = (vmid: number, storage = 'local-lvm') =>
      api('POST', '/nodes/pve1/lxc', {
        token: 'dev@pve!ci=c1',
        params: {
          vmid,
          restore: 1,
          storage,
          ostemplate: cluster.latestBackup(100)!.volid,
        },
      });
    expect((await restore(101)).statusText).toBe("CT 101 already exists on node 'pve1'");
    expect((await restore(131)).statusText).toBe('Permission check failed');
    expect((await restore(130)).statusText).toBe(
      'Permission check failed (/storage/local, Datastore.AllocateSpace)',
    );
    cluster.addToken({
      id: 'dev@pve!ci',
      secret: 'c1',
      acl: [
        { path: '/vms', privileges: ['VM.Allocate', 'VM.Backup'] },
        { path: '/storage/local', privileges: ['Datastore.AllocateSpace'] },
      ],
    });
    expect((await restore(130, 'local')).body?.errors).toEqual({
      storage: "storage 'local' does not support container directories",
    });
    expect((await restore(130)).statusText).toBe(
      'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)',
    );
    expect(
      (
        await api('POST', '/nodes/pve1/lxc', {
          token: 'dev@pve!ci=c1',
          params: {
            vmid: 130,
            restore: 1,
            storage: 'local-lvm',
            ostemplate: 'local:backup/vzdump-lxc-999-2026_01_01-00_00_00.tar.zst',
            unprivileged: 1,
          },
        })
      ).statusText,
    ).toBe('Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)');
  });

  it('fails a restore task for a missing archive and leaves no CT behind', async () => {
    const root = `${SIM_ROOT_TOKEN_ID}=${SIM_ROOT_TOKEN_SECRET}`;
    const res = await api('POST', '/nodes/pve1/lxc', {
      token: root,
      params: {
        vmid: 140,
        restore: 1,
        storage: 'local-lvm',
        ostemplate: 'local:backup/vzdump-lxc-140-2020_01_01-00_00_00.tar.zst',
      },
    });
    expect(
      ((await api('GET', '/nodes/pve1/lxc/140/status/current')).body!.data as { lock: string }).lock,
    ).toBe('create');
    expect((await finish(res.body?.data)).exitstatus).toBe(
      "unable to restore CT 140 - volume 'local:backup/vzdump-lxc-140-2020_01_01-00_00_00.tar.zst' does not exist",
    );
    expect((await api('GET', '/nodes/pve1/lxc/140/status/current')).status).toBe(500);
  });

  it('limits feature flags and passthrough to root@pam, nesting to VM.Allocate', async () => {
    cluster.addToken({ id: 'cfg@pve!t1', secret: 'f', privileges: ['VM.Config.Options', 'VM.Audit'] });
    const put = (params: Record<string, string>) =>
      api('PUT', '/nodes/pve1/lxc/100/config', { token: 'cfg@pve!t1=f', params });
    expect((await put({ features: 'nesting=1,keyctl=1' })).statusText).toBe(
      'Permission check failed (changing feature flags (except nesting) is only allowed for root@pam)',
    );
    expect((await put({ features: 'nesting=0' })).statusText).toBe(
      'Permission check failed (/vms/100, VM.Allocate)',
    );
    expect((await put({ dev0: '/dev/ttyUSB0' })).statusText).toBe(
      'Permission check failed (configuring device passthrough is only allowed for root@pam)',
    );
    expect((await put({ hostname: 'x' })).statusText).toBe(
      'Permission check failed (/vms/100, VM.Config.Network)',
    );
    expect((await put({ description: 'hello' })).status).toBe(200);
  });
});
