import { APIError, InvalidArgumentError, ProxmoxClient, type UPID } from '@felhom/proxmox';
import { createApi } from '@felhom/proxmox/api';
import { SimulatedCluster, type SimulatorServer, startSimulatorServer } from '@felhom/proxmox/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatViolations, validateRequest } from '../support/api-schema.js';

// The generated API end to end: a ProxmoxClient over real HTTPS to the simulated host on
// 127.0.0.1 (certificate pinned), three endpoints no typed method covers: the cluster task list
// (a GET list), the node configuration (a PUT of a config) and converting a VM into a template
// (a POST that starts a task). Every request the host received is checked against Proxmox's
// own schema (8.4 and 9.1).
const operator = { id: 'ops@pve!api', secret: '6b0e7a51-2f3c-4d8e-9a1b-3c4d5e6f7a8b' } as const;
const restricted = { id: 'ops@pve!narrow', secret: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' } as const;
const cluster = new SimulatedCluster({
  taskDurationMs: 20,
  tokens: [
    {
      ...operator,
      privileges: ['Sys.Audit', 'Sys.Modify', 'VM.Audit', 'VM.Allocate', 'VM.Snapshot', 'VM.PowerMgmt'],
    },
    // VM.Allocate on one VM only: no Sys.Audit on `/`.
    { ...restricted, acl: [{ path: '/vms/201', privileges: ['VM.Allocate', 'VM.Audit'] }] },
  ],
});
const builder = cluster.guest(201)!;
const haos = cluster.guest(102)!;
let server: SimulatorServer;
let client: ProxmoxClient;
let narrow: ProxmoxClient;

beforeAll(async () => {
  server = await startSimulatorServer(cluster);
  const connect = (token: { id: string; secret: string }) =>
    new ProxmoxClient({
      baseUrl: server.url,
      token,
      tls: { fingerprint: server.fingerprint256 },
      retry: { limit: 0 },
    });
  client = connect(operator);
  narrow = connect(restricted);
});
afterAll(async () => {
  await client.close();
  await narrow.close();
  await server.close();
});
beforeEach(() => cluster.clearRequestLog());

const wait = (upid: UPID) => client.waitTask(upid, { minDelay: 5, maxDelay: 20, timeout: 10_000 });

function expectRequestsConform(): void {
  const violations = cluster.requests.flatMap((request) =>
    validateRequest({ method: request.method, path: request.path, query: request.query, body: request.body }),
  );
  expect(formatViolations(violations)).toBe('');
}

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('the generated API over HTTPS', () => {
  const api = () => createApi(client);

  it('converts a VM into a template: the POST answers a UPID that waitTask takes', async () => {
    const path = { node: builder.node, vmid: builder.vmid };
    // PVE refuses a VM with snapshots before it forks the worker.
    const refused = await failure(() => api().post('/nodes/{node}/qemu/{vmid}/template', { path }));
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).message).toContain(
      'unable to create template, because VM contains snapshots',
    );

    const deletion = await api().delete('/nodes/{node}/qemu/{vmid}/snapshot/{snapname}', {
      path: { ...path, snapname: 'clean-install' },
    });
    expect((await wait(deletion)).status).toBe('ok');

    const upid = await api().post('/nodes/{node}/qemu/{vmid}/template', { path });
    expect(upid).toMatchObject({
      kind: 'pve',
      node: builder.node,
      type: 'qmtemplate',
      id: String(builder.vmid),
    });
    expect((await wait(upid)).status).toBe('ok');
    const config = await api().get('/nodes/{node}/qemu/{vmid}/config', { path });
    expect(config.template).toBe(true);
    expectRequestsConform();
  });

  it('refuses a running VM with the host’s 500 and its text', async () => {
    const error = await failure(() =>
      api().post('/nodes/{node}/qemu/{vmid}/template', { path: { node: haos.node, vmid: haos.vmid } }),
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 500 });
    expect((error as APIError).message).toContain("you can't convert a VM to template if VM is running");
  });

  it('writes the node configuration with PUT and reads it back, the digest guarding the write', async () => {
    const node = builder.node;
    const before = await api().get('/nodes/{node}/config', { path: { node } });
    expect(before.description).toBeUndefined();
    expect(before.digest).toMatch(/^[0-9a-f]{40}$/);
    const result = await api().put('/nodes/{node}/config', {
      path: { node },
      body: {
        description: 'build host\nrack 2',
        'startall-onboot-delay': 30,
        wakeonlan: { mac: 'aa:bb:cc:dd:ee:02', 'bind-interface': 'eno1' },
        digest: before.digest ?? '',
      },
    });
    expect(result).toBeNull();
    const sent = cluster.requests.find((request) => request.method === 'PUT');
    expect(sent?.body).toMatchObject({
      wakeonlan: 'aa:bb:cc:dd:ee:02,bind-interface=eno1',
      'startall-onboot-delay': '30',
    });
    const after = await api().get('/nodes/{node}/config', { path: { node } });
    expect(after).toMatchObject({
      description: 'build host\nrack 2',
      'startall-onboot-delay': 30,
      wakeonlan: 'aa:bb:cc:dd:ee:02,bind-interface=eno1',
    });
    expect(after.digest).not.toBe(before.digest);
    const stale = await failure(() =>
      api().put('/nodes/{node}/config', {
        path: { node },
        body: { description: 'x', digest: before.digest ?? '' },
      }),
    );
    expect((stale as APIError).message).toContain('detected modified configuration');
    expectRequestsConform();
  });

  it('lists the cluster’s recent tasks with GET, numbers and flags read as the schema types them', async () => {
    const tasks = await api().get('/cluster/tasks');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.upid).toMatch(/^UPID:/);
      expect(typeof task.starttime).toBe('number');
    }
    const template = tasks.find((task) => task.type === 'qmtemplate');
    expect(template).toMatchObject({ user: 'ops@pve', tokenid: 'api', status: 'OK' });
    expectRequestsConform();
  });

  it('shows a token without Sys.Audit on / no task at all, not even its own', async () => {
    const own = await createApi(narrow).get('/nodes/{node}/qemu/{vmid}/config', {
      path: { node: builder.node, vmid: builder.vmid },
    });
    expect(own.name).toBe('builder');
    expect(await createApi(narrow).get('/cluster/tasks')).toEqual([]);
  });

  it('reads vzdump’s OK (no named guest on this node, no task started) as null', async () => {
    const elsewhere = builder.node === haos.node ? undefined : haos.node;
    expect(elsewhere).toBeDefined();
    const result = await api().post('/nodes/{node}/vzdump', {
      path: { node: builder.node },
      body: { vmid: String(haos.vmid), storage: 'local' },
    });
    expect(result).toBeNull();
    expectRequestsConform();
  });

  it('sends nothing when a parameter is wrong', async () => {
    const error = await failure(() =>
      api().put('/nodes/{node}/config', {
        path: { node: builder.node },
        body: { 'startall-onboot-delay': 301 },
      }),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter: 'startall-onboot-delay', value: 301 });
    expect(cluster.requests).toEqual([]);
  });
});
