import { SimulatedCluster } from '@felhom/proxmox/testing';
import { describe, expect, it } from 'vitest';
import { handleSimulatorRequest } from '../../src/testing/api/handle.js';
import { dataOf, ROOT, useSimulatedHost } from './sim-harness.js';

const host = useSimulatedHost();
const { api } = host;

describe('cluster status', () => {
  it('lists the cluster, then each node with its id, address and which one answered', async () => {
    host.cluster.setNodeOnline('pve3', false);
    expect(dataOf(await api('GET', '/cluster/status'))).toEqual([
      { type: 'cluster', id: 'cluster', nodes: 3, version: 3, name: 'felhom-sim', quorate: 1 },
      {
        type: 'node',
        id: 'node/pve1',
        name: 'pve1',
        nodeid: 1,
        local: 1,
        online: 1,
        ip: '192.168.10.11',
        level: '',
      },
      {
        type: 'node',
        id: 'node/pve2',
        name: 'pve2',
        nodeid: 2,
        local: 0,
        online: 1,
        ip: '192.168.10.12',
        level: '',
      },
      {
        type: 'node',
        id: 'node/pve3',
        name: 'pve3',
        nodeid: 3,
        local: 0,
        online: 0,
        ip: '192.168.10.13',
        level: '',
      },
    ]);
    host.cluster.setNodeOnline('pve2', false);
    expect(dataOf<{ quorate?: number }[]>(await api('GET', '/cluster/status'))[0]?.quorate).toBe(0);
  });

  it('answers a standalone host with its own entry only, and needs Sys.Audit on /', async () => {
    const single = new SimulatedCluster({ nodes: ['solo'] });
    const answer = handleSimulatorRequest(single, {
      method: 'GET',
      url: '/api2/json/cluster/status',
      authorization: `PVEAPIToken=${ROOT}`,
      contentType: undefined,
      body: '',
    });
    expect(JSON.parse(answer.body)).toEqual({
      data: [
        {
          type: 'node',
          id: 'node/solo',
          name: 'solo',
          ip: '192.168.10.11',
          local: 1,
          nodeid: 0,
          online: 1,
          level: '',
        },
      ],
    });
    host.cluster.addToken({ id: 'vm@pve!only', secret: 'o', privileges: ['VM.Audit'] });
    expect((await api('GET', '/cluster/status', { token: 'vm@pve!only=o' })).statusText).toBe(
      'Permission check failed (/, Sys.Audit)',
    );
  });
});

describe('next free vmid', () => {
  it('answers the lowest free id as a JSON string, as PVE does', async () => {
    const res = await api('GET', '/cluster/nextid');
    expect(res.text).toBe('{"data":"103"}');
    expect((await api('GET', '/cluster/nextid', { params: { vmid: 150 } })).text).toBe('{"data":"150"}');
  });

  it("refuses a taken vmid with 400, whatever the guest's type, for any token", async () => {
    host.cluster.addToken({ id: 'nobody@pve!np', secret: 'n', privileges: [] });
    for (const vmid of [100, 102]) {
      const res = await api('GET', '/cluster/nextid', { token: 'nobody@pve!np=n', params: { vmid } });
      expect([res.status, res.statusText]).toEqual([400, 'Parameter verification failed.']);
      expect(res.body?.errors).toEqual({ vmid: `VM ${vmid} already exists` });
    }
  });
});

describe("an API token's info", () => {
  it('is readable with User.Modify on /access/groups (root@pam!sim has it)', async () => {
    host.cluster.addToken({
      id: 'felhom@pve!backup',
      secret: 'b',
      privileges: [],
      comment: 'nightly',
      expire: 2_000_000_000,
    });
    expect(dataOf(await api('GET', '/access/users/felhom@pve/token/agent', { token: ROOT }))).toEqual({
      privsep: 1,
      expire: 0,
    });
    expect(
      dataOf(
        await api('GET', `/access/users/${encodeURIComponent('felhom@pve')}/token/backup`, { token: ROOT }),
      ),
    ).toEqual({ privsep: 1, expire: 2_000_000_000, comment: 'nightly' });
    expect(dataOf(await api('GET', '/access/users/root@pam/token/sim', { token: ROOT }))).toEqual({
      privsep: 0,
      expire: 0,
    });
  });

  it("is not readable by the token itself: a token is not its user, so 'self' never matches", async () => {
    const own = await api('GET', '/access/users/felhom@pve/token/agent');
    expect([own.status, own.statusText]).toEqual([403, 'Permission check failed']);
    host.cluster.addToken({
      id: 'felhom@pve!admin',
      secret: 'a',
      acl: [{ path: '/access/groups', privileges: ['User.Modify'] }],
    });
    expect(
      (await api('GET', '/access/users/felhom@pve/token/admin', { token: 'felhom@pve!admin=a' })).status,
    ).toBe(200);
  });

  it('answers 403 for an unknown user and 500 for an unknown token of a known user', async () => {
    expect((await api('GET', '/access/users/ghost@pve/token/agent', { token: ROOT })).statusText).toBe(
      'Permission check failed',
    );
    const missing = await api('GET', '/access/users/felhom@pve/token/nope', { token: ROOT });
    expect([missing.status, missing.statusText]).toEqual([500, "no such token 'nope' for user 'felhom@pve'"]);
    expect((await api('GET', '/access/users/felhom@pve/token/9bad', { token: ROOT })).body?.errors).toEqual({
      tokenid: 'value does not match the regex pattern',
    });
  });
});

describe('VMs in cluster-wide views', () => {
  it('lists VMs as qemu resources, with memhost on PVE 9 for every guest', async () => {
    const guests = dataOf<Record<string, unknown>[]>(
      await api('GET', '/cluster/resources', { params: { type: 'vm' } }),
    );
    const haos = guests.find((g) => g.vmid === 102);
    expect(haos).toMatchObject({
      id: 'qemu/102',
      type: 'qemu',
      node: 'pve1',
      name: 'haos',
      status: 'running',
      maxcpu: 2,
      maxdisk: 32 * 1024 ** 3,
      memhost: expect.any(Number),
      diskread: expect.any(Number),
    });
    expect(guests.find((g) => g.vmid === 100)).toMatchObject({ id: 'lxc/100', memhost: 0 });
    expect(guests.find((g) => g.vmid === 201)).toMatchObject({
      id: 'qemu/201',
      status: 'stopped',
      uptime: 0,
    });
  });

  it('lists VM disks as images (no `used` on LVM-thin) and VM backups on the storages', async () => {
    const disks = dataOf<Record<string, unknown>[]>(
      await api('GET', '/nodes/pve1/storage/local-lvm/content', { params: { content: 'images' } }),
    );
    expect(disks).toEqual([
      {
        volid: 'local-lvm:vm-102-disk-0',
        content: 'images',
        format: 'raw',
        size: 4 * 1024 ** 2,
        ctime: expect.any(String),
        vmid: 102,
      },
      {
        volid: 'local-lvm:vm-102-disk-1',
        content: 'images',
        format: 'raw',
        size: 32 * 1024 ** 3,
        ctime: expect.any(String),
        vmid: 102,
      },
    ]);
    const backups = dataOf<Record<string, unknown>[]>(await api('GET', '/nodes/pve2/storage/nas/content'));
    expect(backups.map((b) => [b.vmid, b.subtype, b.format])).toEqual([
      [101, 'lxc', 'tar.zst'],
      [102, 'qemu', 'vma.zst'],
    ]);
  });

  it('hides a VM disk without VM.Config.Disk on the VM, as check_volume_access does', async () => {
    host.cluster.addToken({
      id: 'store@pve!au',
      secret: 's',
      acl: [{ path: '/storage/local-lvm', privileges: ['Datastore.Audit'] }],
    });
    const seen = dataOf<unknown[]>(
      await api('GET', '/nodes/pve1/storage/local-lvm/content', { token: 'store@pve!au=s' }),
    );
    expect(seen).toEqual([]);
  });
});

describe('what the simulator does not model', () => {
  it("still answers 501 Method '<METHOD> <path>' not implemented", async () => {
    for (const [method, path] of [
      ['GET', '/nodes/pve1/qemu/102/pending'],
      ['POST', '/nodes/pve1/qemu/102/status/suspend'],
      ['PUT', '/nodes/pve1/qemu/102/resize'],
      ['POST', '/nodes/pve1/qemu/102/migrate'],
      ['DELETE', '/nodes/pve1/qemu/102'],
      ['GET', '/access/users/felhom@pve/token'],
    ] as const) {
      const res = await api(method, path);
      expect([res.status, res.statusText]).toEqual([501, `Method '${method} ${path}' not implemented`]);
    }
  });

  it('answers 501 for container interfaces on PVE 7, which had no such method', () => {
    const pve7 = new SimulatedCluster({ profile: 'pve7' });
    const answer = handleSimulatorRequest(pve7, {
      method: 'GET',
      url: '/api2/json/nodes/pve1/lxc/100/interfaces',
      authorization: `PVEAPIToken=${ROOT}`,
      contentType: undefined,
      body: '',
    });
    expect([answer.status, answer.reason]).toEqual([
      501,
      "Method 'GET /nodes/pve1/lxc/100/interfaces' not implemented",
    ]);
  });
});
