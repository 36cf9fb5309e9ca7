import { APIError, isProxmoxError } from '@felhom/proxmox';
import { SIM_AGENT_PRIVILEGES } from '@felhom/proxmox/testing';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// Every read method against the simulated cluster through msw (the PVE 9 profile unless a test
// says otherwise). The suite-level schema check in useSimulator covers every request sent here.
const sim = useSimulator();

describe('cluster reads', () => {
  it('version() normalises the host version', async () => {
    expect(await sim.client.version()).toMatchObject({
      version: '9.1.2',
      release: '9.1',
      major: 9,
      minor: 1,
    });
  });

  it('nodes() lists the three nodes with usage figures for an auditing token', async () => {
    const nodes = await sim.client.nodes();
    expect(nodes.map((n) => n.node).sort()).toEqual(['pve1', 'pve2', 'pve3']);
    expect(nodes.every((n) => n.status === 'online' && typeof n.maxmem === 'number')).toBe(true);
  });

  it('nodes() reports an offline node as offline without its usage figures', async () => {
    sim.cluster.setNodeOnline('pve3', false);
    const pve3 = (await sim.client.nodes()).find((n) => n.node === 'pve3');
    expect(pve3?.status).toBe('offline');
    expect(pve3?.cpu).toBeUndefined();
  });

  it('nodeStatus() parses loadavg strings and cpuinfo for the node asked', async () => {
    const status = await sim.client.nodeStatus('pve2');
    expect(status.loadavg).toHaveLength(3);
    expect(status.loadavg.every((n) => typeof n === 'number')).toBe(true);
    expect(status.cpuinfo.cpus).toBeGreaterThan(0);
    expect(sim.cluster.requests.at(-1)?.path).toBe('/nodes/pve2/status');
  });

  it('nodeStatus() of an offline node fails with node-unreachable (595)', async () => {
    sim.cluster.setNodeOnline('pve2', false);
    const error = await caught(() => sim.client.nodeStatus('pve2'));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 595, reason: 'node-unreachable' });
  });

  it('clusterResources() lists every type, and filters by type', async () => {
    const all = await sim.client.clusterResources();
    expect(new Set(all.map((r) => r.type))).toEqual(new Set(['node', 'lxc', 'qemu', 'storage', 'sdn']));
    const guests = await sim.client.clusterResources('vm');
    expect(guests.map((g) => [g.vmid, g.type])).toEqual([
      [100, 'lxc'],
      [101, 'lxc'],
      [102, 'qemu'],
      [200, 'lxc'],
      [201, 'qemu'],
      [300, 'lxc'],
    ]);
    expect(sim.cluster.requests.at(-1)?.query).toEqual({ type: 'vm' });
  });

  it("permissions() returns the token's privileges as booleans, for a path too", async () => {
    const all = await sim.client.permissions();
    expect(Object.keys(all['/'] ?? {}).sort()).toEqual([...SIM_AGENT_PRIVILEGES].sort());
    const onGuest = await sim.client.permissions('/vms/100');
    expect(onGuest['/vms/100']?.['VM.Audit']).toBe(true);
    expect(sim.cluster.requests.at(-1)?.query).toEqual({ path: '/vms/100' });
  });
});

describe('container reads', () => {
  it('listLXC() lists the containers of one node with normalised fields', async () => {
    const guests = await sim.client.listLXC('pve1');
    expect(guests.map((g) => [g.vmid, g.status])).toEqual([
      [100, 'running'],
      [101, 'stopped'],
    ]);
    expect(guests[0]?.tags).toEqual(['felhom', 'web']);
    expect(guests[0]?.template).toBe(false);
  });

  it('guestStatus() reads one container, with ha parsed', async () => {
    const status = await sim.client.guestStatus('pve2', 200);
    expect(status).toMatchObject({ vmid: 200, status: 'running', ha: { managed: false } });
  });

  it('guestStatus() of a missing container is a not-found APIError', async () => {
    const error = await caught(() => sim.client.guestStatus('pve1', 999));
    expect(error).toMatchObject({ status: 500, reason: 'not-found' });
    expect((error as APIError).hostMessage).toContain(
      "Configuration file 'nodes/pve1/lxc/999.conf' does not exist",
    );
  });

  it('guestConfig() parses property strings and returns the digest', async () => {
    const config = await sim.client.guestConfig('pve1', 100);
    expect(config.digest).toMatch(/^[0-9a-f]{40}$/);
    expect(config.nets[0]).toMatchObject({ name: 'eth0', bridge: 'vmbr0', ip: 'dhcp' });
    expect(config.rootfs).toMatchObject({ volume: 'local-lvm:vm-100-disk-0', size: '8G' });
    expect(config.features).toMatchObject({ nesting: true });
    expect(config).toMatchObject({ hostname: 'web', cores: 2, memory: 1024, unprivileged: true });
  });

  it("guestConfig() with snapshot reads that snapshot's config", async () => {
    const live = await sim.client.guestConfig('pve1', 101);
    expect(live.parent).toBe('before-upgrade');
    const config = await sim.client.guestConfig('pve1', 101, { snapshot: 'before-upgrade', current: true });
    // The snapshot was taken on top of nothing; the live config is based on it.
    expect(config.parent).toBeUndefined();
    expect(config.hostname).toBe('db');
    expect(sim.cluster.requests.at(-1)?.query).toEqual({ current: '1', snapshot: 'before-upgrade' });
  });

  it('listSnapshots() separates the current pseudo-entry', async () => {
    const list = await sim.client.listSnapshots('pve1', 101);
    expect(list.snapshots.map((s) => s.name)).toEqual(['before-upgrade']);
    expect(list.snapshots[0]?.description).toBe('before the PostgreSQL 17 upgrade');
    expect(list.current).toMatchObject({ parent: 'before-upgrade', running: false });
  });
});

describe('storage and task reads', () => {
  it('listStorage() lists storage.cfg sections, filtered by type', async () => {
    const all = await sim.client.listStorage();
    expect(all.map((s) => s.storage).sort()).toEqual(['local', 'local-lvm', 'nas']);
    expect(all.find((s) => s.storage === 'local')?.content).toEqual(
      expect.arrayContaining(['backup', 'vztmpl']),
    );
    const nfs = await sim.client.listStorage({ type: 'nfs' });
    expect(nfs.map((s) => s.storage)).toEqual(['nas']);
  });

  it('nodeStorage() reports usage and filters by content', async () => {
    const backups = await sim.client.nodeStorage('pve1', { content: 'backup', enabled: true });
    expect(backups.map((s) => s.storage).sort()).toEqual(['local', 'nas']);
    expect(backups.every((s) => s.active === true && typeof s.total === 'number')).toBe(true);
    expect(sim.cluster.requests.at(-1)?.query).toEqual({ content: 'backup', enabled: '1' });
  });

  it('storageContent() lists volumes, filtered by content and vmid', async () => {
    const backups = await sim.client.storageContent('pve1', 'local', { content: 'backup', vmid: 100 });
    expect(backups.map((v) => v.volid)).toEqual([sim.cluster.latestBackup(100)!.volid]);
    expect(backups[0]).toMatchObject({ vmid: 100, content: 'backup', subtype: 'lxc' });
    const templates = await sim.client.storageContent('pve1', 'local', { content: 'vztmpl' });
    expect(templates).toHaveLength(2);
  });

  it('listTasks() lists the tasks this token started, with filters', async () => {
    const upid = await sim.client.start('pve1', 101);
    sim.cluster.completeAllTasks();
    const tasks = await sim.client.listTasks('pve1', { typefilter: 'vzstart', limit: 10, source: 'all' });
    expect(tasks.map((t) => t.upid)).toEqual([upid.raw]);
    expect(tasks[0]).toMatchObject({ type: 'vzstart', id: '101', status: 'OK' });
    expect(sim.cluster.requests.at(-1)?.query).toEqual({ typefilter: 'vzstart', limit: '10', source: 'all' });
  });
});

describe('errors are typed', () => {
  it('an unknown node name is an APIError, never a crash', async () => {
    const error = await caught(() => sim.client.listLXC('pve9'));
    expect(isProxmoxError(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, reason: 'server' });
  });
});
