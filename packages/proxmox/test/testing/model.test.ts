import {
  handleSimulatorRequest,
  SIM_AGENT_TOKEN_ID,
  SIM_AGENT_TOKEN_SECRET,
  SimulatedCluster,
} from '@felhom/proxmox/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const AUTH = `PVEAPIToken=${SIM_AGENT_TOKEN_ID}=${SIM_AGENT_TOKEN_SECRET}`;

function call(cluster: SimulatedCluster, method: string, path: string, body = '') {
  const response = handleSimulatorRequest(cluster, {
    method,
    url: `https://pve1:8006/api2/json${path}`,
    authorization: AUTH,
    contentType: 'application/x-www-form-urlencoded',
    body,
  });
  return { ...response, json: response.body === '' ? undefined : JSON.parse(response.body) };
}

describe('task lifecycle on the default clock with fake timers', () => {
  beforeEach(() => {
    // Fake Date only, starting from the current time.
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a snapshot task for its duration, writing its log, then ends TASK OK and applies its effect', () => {
    const cluster = new SimulatedCluster({ taskDurationMs: { vzsnapshot: 4000 } });
    const started = Math.floor(Date.now() / 1000);
    const upid = call(cluster, 'POST', '/nodes/pve1/lxc/100/snapshot', 'snapname=pre').json.data as string;
    const starttime = started.toString(16).toUpperCase().padStart(8, '0');
    expect(upid).toMatch(
      new RegExp(`^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:${starttime}:vzsnapshot:100:felhom@pve!agent:$`),
    );
    const status = () =>
      call(cluster, 'GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`).json.data;
    const log = () => call(cluster, 'GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/log`).json;

    expect(status()).toMatchObject({
      status: 'running',
      type: 'vzsnapshot',
      id: '100',
      user: 'felhom@pve',
      tokenid: 'agent',
    });
    expect(status()).not.toHaveProperty('exitstatus');
    expect(log()).toEqual({ data: [{ n: 1, t: 'no content' }], total: 1 });
    // while it runs the CT is locked and the snapshot is being prepared
    const snaps = call(cluster, 'GET', '/nodes/pve1/lxc/100/snapshot').json.data;
    expect(snaps[0]).toMatchObject({ name: 'pre', snapstate: 'prepare' });
    expect(call(cluster, 'GET', '/nodes/pve1/lxc/100/status/current').json.data.lock).toBe('snapshot');

    vi.setSystemTime(Date.now() + 2500);
    expect(log().data).toEqual([{ n: 1, t: '  Logical volume "snap_vm-100-disk-0_pre" created.' }]);
    expect(status().status).toBe('running');

    vi.setSystemTime(Date.now() + 1500);
    expect(status()).toMatchObject({ status: 'stopped', exitstatus: 'OK' });
    expect(log()).toEqual({
      data: [
        { n: 1, t: '  Logical volume "snap_vm-100-disk-0_pre" created.' },
        { n: 2, t: 'TASK OK' },
      ],
      total: 2,
    });
    const after = call(cluster, 'GET', '/nodes/pve1/lxc/100/snapshot').json.data;
    expect(after).toEqual([
      { name: 'pre', snaptime: started, description: '' },
      expect.objectContaining({ name: 'current', description: 'You are here!', running: 1, parent: 'pre' }),
    ]);
    expect(call(cluster, 'GET', '/nodes/pve1/lxc/100/status/current').json.data).not.toHaveProperty('lock');
  });

  it('ends a scripted task with WARN lines and TASK WARNINGS: N, or with TASK ERROR and no effect', () => {
    const cluster = new SimulatedCluster();
    cluster.scriptTaskOutcome({ type: 'vzstart' }, { kind: 'warnings', warnings: ['a', 'b'] });
    cluster.scriptTaskOutcome(
      { type: 'vzstop', vmid: 200 },
      { kind: 'error', message: 'command lxc-stop failed: exit code 1' },
    );
    const start = call(cluster, 'POST', '/nodes/pve1/lxc/101/status/start').json.data as string;
    const stop = call(cluster, 'POST', '/nodes/pve2/lxc/200/status/stop').json.data as string;
    cluster.completeAllTasks();
    expect(call(cluster, 'GET', `/nodes/pve1/tasks/${encodeURIComponent(start)}/log`).json.data).toEqual([
      { n: 1, t: 'WARN: a' },
      { n: 2, t: 'WARN: b' },
      { n: 3, t: 'TASK WARNINGS: 2' },
    ]);
    expect(
      call(cluster, 'GET', `/nodes/pve1/tasks/${encodeURIComponent(start)}/status`).json.data.exitstatus,
    ).toBe('WARNINGS: 2');
    expect(cluster.guest(101)?.status).toBe('running');
    expect(
      call(cluster, 'GET', `/nodes/pve2/tasks/${encodeURIComponent(stop)}/status`).json.data.exitstatus,
    ).toBe('command lxc-stop failed: exit code 1');
    expect(cluster.guest(200)?.status).toBe('running');
  });

  it('answers 400 "no such task" during the configured visibility delay, then the task', () => {
    const cluster = new SimulatedCluster({ taskVisibilityDelayMs: 300 });
    const upid = call(cluster, 'POST', '/nodes/pve1/lxc/101/status/start').json.data as string;
    const early = call(cluster, 'GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`);
    expect(early.status).toBe(400);
    expect(early.json.errors).toEqual({ upid: 'no such task' });
    vi.setSystemTime(Date.now() + 300);
    expect(call(cluster, 'GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`).status).toBe(200);
  });
});

describe('config digest', () => {
  it('is the sha1 of the config file text and changes with every write', () => {
    const cluster = new SimulatedCluster();
    const before = call(cluster, 'GET', '/nodes/pve1/lxc/100/config').json.data.digest as string;
    expect(before).toMatch(/^[0-9a-f]{40}$/);
    expect(call(cluster, 'PUT', '/nodes/pve1/lxc/100/config', `memory=2048&digest=${before}`).json).toEqual({
      data: null,
    });
    const after = call(cluster, 'GET', '/nodes/pve1/lxc/100/config').json.data;
    expect(after.memory).toBe(2048);
    expect(after.digest).not.toBe(before);
  });
});

describe('ACL evaluation', () => {
  it('propagates from ancestors, and a more specific path replaces what was inherited', () => {
    const cluster = new SimulatedCluster();
    cluster.addToken({
      id: 'ops@pve!tok',
      secret: 's',
      acl: [
        { path: '/vms', privileges: ['VM.Audit', 'VM.PowerMgmt'] },
        { path: '/vms/101', privileges: ['VM.Audit'], propagate: false },
      ],
    });
    expect(Object.fromEntries(cluster.privileges('ops@pve!tok', '/vms/100'))).toEqual({
      'VM.Audit': 1,
      'VM.PowerMgmt': 1,
    });
    expect(Object.fromEntries(cluster.privileges('ops@pve!tok', '/vms/101'))).toEqual({ 'VM.Audit': 0 });
    expect(cluster.privileges('ops@pve!tok', '/storage/local').size).toBe(0);
  });
});
