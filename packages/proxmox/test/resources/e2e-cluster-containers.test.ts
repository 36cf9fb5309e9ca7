import { APIError, ProxmoxClient, type UPID } from '@felhom/proxmox';
import {
  SIM_ROOT_TOKEN_ID,
  SIM_ROOT_TOKEN_SECRET,
  SimulatedCluster,
  type SimulatorServer,
  startSimulatorServer,
} from '@felhom/proxmox/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/record-requests.js';
import { agentToken, assertRequestsConform, caught } from './simulator.js';

// The cluster and container methods end to end: the client over real HTTPS to the simulated
// host on 127.0.0.1, the certificate pinned, waiting for each task with waitTask. Every request
// the file sends is checked against the official PVE 8.4 and 9.1 API schema at the end.
const cluster = new SimulatedCluster({ taskDurationMs: 20 });
let server: SimulatorServer;
let client: ProxmoxClient;
let root: ProxmoxClient;
const sent: RecordedRequest[] = [];

beforeAll(async () => {
  server = await startSimulatorServer(cluster);
  const tls = { fingerprint: server.fingerprint256 };
  client = new ProxmoxClient({ baseUrl: server.url, token: agentToken, tls, retry: { limit: 0 } });
  root = new ProxmoxClient({
    baseUrl: server.url,
    token: { id: SIM_ROOT_TOKEN_ID, secret: SIM_ROOT_TOKEN_SECRET },
    tls,
  });
});
afterEach(() => {
  sent.push(...cluster.requests.map((r) => ({ ...r, query: new URLSearchParams(r.query) })));
  cluster.clearRequestLog();
});
afterAll(async () => {
  await client.close();
  await root.close();
  await server.close();
  assertRequestsConform(sent);
});

const wait = (upid: UPID) => client.waitTask(upid, { minDelay: 5, maxDelay: 20, timeout: 10_000 });

describe('cluster methods over HTTPS', () => {
  it('clusterStatus: the cluster entry and one node entry per node, the answering one local', async () => {
    const entries = await client.clusterStatus();
    const nodes = entries.filter((entry) => entry.type === 'node');
    const info = entries.find((entry) => entry.type === 'cluster');
    expect(nodes.map((entry) => entry.name).sort()).toEqual((await client.nodes()).map((n) => n.node).sort());
    expect(info).toMatchObject({ quorate: true, nodes: nodes.length });
    expect(nodes.filter((entry) => entry.local).map((entry) => entry.name)).toEqual(['pve1']);
    expect(nodes.every((entry) => entry.online && typeof entry.nodeid === 'number')).toBe(true);
  });

  it('nextId: the lowest free id as a number, a free id echoed, a used one refused as a 400', async () => {
    const used = new Set((await client.clusterResources('vm')).map((guest) => guest.vmid));
    let lowest = 100;
    while (used.has(lowest)) lowest += 1;
    expect(await client.nextId()).toBe(lowest);
    expect(await client.nextId(4242)).toBe(4242);
    const taken = [...used][0] as number;
    const error = await caught(() => client.nextId(taken));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 400, errors: { vmid: `VM ${taken} already exists` } });
  });

  it('tokenInfo: the agent token may not read itself; an administrator reads its settings', async () => {
    const [userid = '', tokenid = ''] = agentToken.id.split('!');
    const denied = await caught(() => client.tokenInfo(userid, tokenid));
    expect(denied).toBeInstanceOf(APIError);
    expect(denied).toMatchObject({ status: 403, reason: 'permission' });
    expect(await root.tokenInfo(userid, tokenid)).toEqual({ privsep: true, expire: 0 });
  });
});

describe('container methods over HTTPS', () => {
  it('reboot: a vzreboot task that leaves the container running; a stopped one is refused', async () => {
    const upid = await client.reboot('pve2', 200, { timeout: 30 });
    expect(upid).toMatchObject({ type: 'vzreboot', id: '200', node: 'pve2' });
    expect((await wait(upid)).status).toBe('ok');
    expect((await client.guestStatus('pve2', 200)).status).toBe('running');
    const error = await caught(() => client.reboot('pve1', 101));
    expect(error).toMatchObject({ status: 500, hostMessage: 'VM 101 not running' });
  });

  it('resize: grows the root volume by the size given, in a resize task', async () => {
    const before = (await client.guestConfig('pve1', 100)).rootfs?.size;
    const { digest } = await client.guestConfig('pve1', 100);
    const upid = await client.resize('pve1', 100, 'rootfs', '+2G', { digest });
    expect(upid.type).toBe('resize');
    expect((await wait(upid)).status).toBe('ok');
    const after = (await client.guestConfig('pve1', 100)).rootfs?.size;
    expect([before, after]).toEqual(['8G', '10G']);
    const shrink = await caught(() => client.resize('pve1', 100, 'rootfs', '4G'));
    expect(shrink).toMatchObject({ status: 500, hostMessage: 'unable to shrink disk size' });
  });

  it('interfaces: the running container’s interfaces with its configured MAC; null when stopped', async () => {
    const hwaddr = (await client.guestConfig('pve1', 100)).nets[0]?.hwaddr?.toLowerCase();
    const interfaces = await client.interfaces('pve1', 100);
    expect(interfaces?.map((nic) => nic.name)).toEqual(['lo', 'eth0']);
    expect(interfaces?.[1]).toMatchObject({ hwaddr, 'hardware-address': hwaddr });
    expect(interfaces?.[1]?.inet).toMatch(/^\d+\.\d+\.\d+\.\d+\/24$/);
    expect(await client.interfaces('pve1', 101)).toBeNull();
  });

  it('migrate: a stopped container moves; a running one only in restart mode, and runs on the target', async () => {
    const moved = await client.migrate('pve3', 300, 'pve1');
    expect(moved.type).toBe('vzmigrate');
    expect((await wait(moved)).status).toBe('ok');
    expect((await client.listLXC('pve1')).map((guest) => guest.vmid)).toContain(300);

    const refused = await caught(() => client.migrate('pve2', 200, 'pve3'));
    expect(refused).toMatchObject({ status: 500 });
    expect((refused as APIError).hostMessage).toContain("can't migrate running container");
    const restarted = await client.migrate('pve2', 200, 'pve3', { restart: true, timeout: 60 });
    expect((await wait(restarted)).status).toBe('ok');
    expect((await client.guestStatus('pve3', 200)).status).toBe('running');
    expect((await client.listLXC('pve2')).map((guest) => guest.vmid)).not.toContain(200);
  });
});
