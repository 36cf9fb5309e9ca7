import { handleSimulatorRequest, SimulatedCluster } from '@felhom/proxmox/testing';
import { describe, expect, it } from 'vitest';
import { dataOf, ROOT, useSimulatedHost } from './sim-harness.js';

const host = useSimulatedHost();
const { api } = host;

describe('the VM list and status', () => {
  it('lists the VMs of a node (not its containers) with the PVE 9 fields; the CT list has no VMs', async () => {
    const vms = dataOf<Record<string, unknown>[]>(await api('GET', '/nodes/pve1/qemu'));
    expect(vms.map((vm) => vm.vmid)).toEqual([102]);
    expect(vms[0]).toMatchObject({
      vmid: 102,
      name: 'haos',
      status: 'running',
      cpus: 2,
      maxmem: 4096 * 1024 ** 2,
      maxdisk: 32 * 1024 ** 3,
      disk: 0,
      tags: 'felhom;homeassistant',
      pid: expect.any(Number),
      uptime: expect.any(Number),
      memhost: expect.any(Number),
      pressurecpusome: expect.any(Number),
    });
    // the list asks QEMU nothing: no qmpstatus or disk I/O without `full`
    expect(vms[0]).not.toHaveProperty('qmpstatus');
    expect(vms[0]).not.toHaveProperty('diskread');
    const full = dataOf<Record<string, unknown>[]>(
      await api('GET', '/nodes/pve1/qemu', { params: { full: 1 } }),
    );
    expect(full[0]).toMatchObject({ qmpstatus: 'running', diskread: expect.any(Number) });
    const cts = dataOf<{ vmid: number }[]>(await api('GET', '/nodes/pve1/lxc'));
    expect(cts.map((ct) => ct.vmid)).toEqual([100, 101]);
  });

  it('answers status/current with qmpstatus, QEMU versions, agent and HA state', async () => {
    const running = dataOf(await api('GET', '/nodes/pve1/qemu/102/status/current'));
    expect(running).toMatchObject({
      vmid: 102,
      status: 'running',
      qmpstatus: 'running',
      agent: 1,
      ha: { managed: 0 },
      'running-machine': 'pc-q35-10.1+pve0',
      'running-qemu': '10.1.2',
      balloon: 4096 * 1024 ** 2,
      nics: { tap102i0: { netin: expect.any(Number), netout: expect.any(Number) } },
    });
    const stopped = dataOf(await api('GET', '/nodes/pve2/qemu/201/status/current'));
    expect(stopped).toMatchObject({
      status: 'stopped',
      qmpstatus: 'stopped',
      uptime: 0,
      maxdisk: 40 * 1024 ** 3,
    });
    expect(stopped).not.toHaveProperty('pid');
    expect(stopped).not.toHaveProperty('agent');
    expect(stopped).not.toHaveProperty('running-machine');
  });

  it('leaves out memhost and pressure figures on PVE 8, and reports its QEMU', async () => {
    const pve8 = new SimulatedCluster({ profile: 'pve8' });
    const answer = handleSimulatorRequest(pve8, {
      method: 'GET',
      url: '/api2/json/nodes/pve1/qemu/102/status/current',
      authorization: `PVEAPIToken=${ROOT}`,
      contentType: undefined,
      body: '',
    });
    const data = (JSON.parse(answer.body) as { data: Record<string, unknown> }).data;
    expect(data['running-qemu']).toBe('9.2.0');
    expect(data).not.toHaveProperty('memhost');
    expect(data).not.toHaveProperty('pressurecpusome');
  });

  it('answers 500 for a VM that is not on the node, or is a container', async () => {
    for (const [node, vmid] of [
      ['pve1', 999],
      ['pve1', 100],
      ['pve2', 102],
    ] as const) {
      const res = await api('GET', `/nodes/${node}/qemu/${vmid}/status/current`);
      expect([res.status, res.statusText]).toEqual([
        500,
        `Configuration file 'nodes/${node}/qemu-server/${vmid}.conf' does not exist`,
      ]);
    }
  });

  it('filters the list silently and refuses power calls without VM.PowerMgmt', async () => {
    host.cluster.addToken({
      id: 'ha@pve!view',
      secret: 'v',
      acl: [{ path: '/vms/102', privileges: ['VM.Audit'] }],
    });
    const token = 'ha@pve!view=v';
    expect(dataOf<unknown[]>(await api('GET', '/nodes/pve2/qemu', { token }))).toEqual([]);
    expect(
      dataOf<{ vmid: number }[]>(await api('GET', '/nodes/pve1/qemu', { token })).map((v) => v.vmid),
    ).toEqual([102]);
    for (const action of ['start', 'stop', 'shutdown', 'reboot']) {
      const res = await api('POST', `/nodes/pve1/qemu/102/status/${action}`, { token });
      expect([res.status, res.statusText]).toEqual([403, 'Permission check failed (/vms/102, VM.PowerMgmt)']);
    }
  });
});

describe('VM power', () => {
  it('starts a stopped VM in a qmstart task; it runs when the task ends', async () => {
    const upid = dataOf<string>(await api('POST', '/nodes/pve2/qemu/201/status/start'));
    expect(upid).toMatch(/^UPID:pve2:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:qmstart:201:felhom@pve!agent:$/);
    expect(host.cluster.guest(201)?.status).toBe('stopped');
    expect(await host.finish(upid)).toEqual({ type: 'qmstart', exitstatus: 'OK', log: ['TASK OK'] });
    expect(dataOf(await api('GET', '/nodes/pve2/qemu/201/status/current'))).toMatchObject({
      status: 'running',
      qmpstatus: 'running',
    });
  });

  it('resumes a VM suspended to disk: the log says so, and the lock and state volume are gone', async () => {
    const guest = host.cluster.guest(201);
    if (!guest) throw new Error('the seed has VM 201');
    const state = 'local-lvm:vm-201-state-suspend-2026-11-30';
    guest.config.set('lock', 'suspended');
    guest.config.set('vmstate', state);
    guest.config.set('runningmachine', 'pc-i440fx-9.2+pve0');
    host.cluster.volumes.push({
      volid: state,
      storage: 'local-lvm',
      node: 'pve2',
      content: 'images',
      format: 'raw',
      size: 1024,
      ctime: 0,
      vmid: 201,
    });
    const upid = dataOf<string>(await api('POST', '/nodes/pve2/qemu/201/status/start'));
    expect(await host.finish(upid)).toEqual({
      type: 'qmstart',
      exitstatus: 'OK',
      log: ['Resuming suspended VM', 'Resumed VM, removing state', 'TASK OK'],
    });
    expect(guest.status).toBe('running');
    expect(['lock', 'vmstate', 'runningmachine'].filter((key) => guest.config.has(key))).toEqual([]);
    expect(host.cluster.volumes.some((volume) => volume.volid === state)).toBe(false);
  });

  it('fails the task, not the call, for a running VM or a missing one', async () => {
    const again = dataOf<string>(await api('POST', '/nodes/pve1/qemu/102/status/start'));
    expect((await host.finish(again)).log).toEqual(['TASK ERROR: VM 102 already running']);
    const missing = dataOf<string>(await api('POST', '/nodes/pve1/qemu/999/status/start'));
    expect((await host.finish(missing)).exitstatus).toBe(
      "Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist",
    );
    const stopMissing = dataOf<string>(await api('POST', '/nodes/pve1/qemu/999/status/stop'));
    expect((await host.finish(stopMissing)).exitstatus).toBe(
      "unable to find configuration file for VM 999 on node 'pve1'",
    );
  });

  it('stops and shuts down; stopping a stopped VM simply succeeds', async () => {
    const shutdown = dataOf<string>(
      await api('POST', '/nodes/pve1/qemu/102/status/shutdown', { params: { timeout: 60 } }),
    );
    expect(shutdown).toContain(':qmshutdown:102:');
    expect(host.cluster.guest(102)?.status).toBe('running');
    expect((await host.finish(shutdown)).exitstatus).toBe('OK');
    expect(host.cluster.guest(102)?.status).toBe('stopped');
    const stop = dataOf<string>(await api('POST', '/nodes/pve2/qemu/201/status/stop'));
    expect(await host.finish(stop)).toEqual({ type: 'qmstop', exitstatus: 'OK', log: ['TASK OK'] });
  });

  it('reboots a running VM (uptime starts again); a stopped one fails the call', async () => {
    host.advance(60_000);
    const before = dataOf<{ uptime: number }>(await api('GET', '/nodes/pve1/qemu/102/status/current')).uptime;
    expect(before).toBeGreaterThan(60);
    const reboot = dataOf<string>(await api('POST', '/nodes/pve1/qemu/102/status/reboot'));
    expect((await host.finish(reboot)).type).toBe('qmreboot');
    const after = dataOf<{ uptime: number; status: string }>(
      await api('GET', '/nodes/pve1/qemu/102/status/current'),
    );
    expect(after).toMatchObject({ status: 'running', uptime: 0 });
    const stopped = await api('POST', '/nodes/pve2/qemu/201/status/reboot');
    expect([stopped.status, stopped.statusText]).toEqual([500, 'VM 201 not running']);
    const missing = await api('POST', '/nodes/pve1/qemu/999/status/reboot');
    expect(missing.statusText).toBe("unable to find configuration file for VM 999 on node 'pve1'");
  });

  it('holds `VM is locked (backup)` against start, stop and reboot while a backup runs', async () => {
    await api('POST', '/nodes/pve2/vzdump', { params: { vmid: 201, storage: 'nas' } });
    await api('POST', '/nodes/pve1/vzdump', { params: { vmid: 102, storage: 'nas' } });
    const start = dataOf<string>(await api('POST', '/nodes/pve2/qemu/201/status/start'));
    const stop = dataOf<string>(await api('POST', '/nodes/pve1/qemu/102/status/stop'));
    const reboot = dataOf<string>(await api('POST', '/nodes/pve1/qemu/102/status/reboot'));
    for (const upid of [start, stop, reboot]) {
      expect((await host.finish(upid)).log).toEqual(['TASK ERROR: VM is locked (backup)']);
    }
    expect(host.cluster.guest(102)?.status).toBe('running');
  });

  it('keeps root-only options from every token, root@pam!sim included', async () => {
    for (const [action, option] of [
      ['start', 'skiplock'],
      ['start', 'migratedfrom'],
      ['stop', 'keepActive'],
      ['shutdown', 'skiplock'],
    ] as const) {
      const res = await api('POST', `/nodes/pve1/qemu/102/status/${action}`, {
        token: ROOT,
        params: { [option]: option === 'migratedfrom' ? 'pve2' : 1 },
      });
      expect(res.status).toBe(400);
      expect(res.body?.errors).toEqual({ [option]: 'Only root may use this option.' });
    }
  });
});
