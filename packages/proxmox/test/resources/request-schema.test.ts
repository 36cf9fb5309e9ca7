import { ProxmoxClient } from '@felhom/proxmox';
import { SimulatedCluster } from '@felhom/proxmox/testing';
import { createSimulatorHandlers } from '@felhom/proxmox/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRequests } from '../support/record-requests.js';
import { agentToken, assertRequestsConform, BASE } from './simulator.js';

// The suite-level request check (useSimulator's afterAll) must catch what pveproxy would refuse.
// This file sends deliberately wrong requests through the client's escape hatch, so it records
// them itself instead of using useSimulator (whose own check would fail on them).

const server = setupServer();
const client = new ProxmoxClient({ baseUrl: BASE, token: agentToken, retry: { limit: 0 } });
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.use(...createSimulatorHandlers(new SimulatedCluster(), { baseUrl: BASE }));
});
afterAll(() => server.close());

async function recorded(send: () => Promise<unknown>) {
  const recorder = recordRequests(server);
  try {
    await send().catch(() => undefined);
    return await recorder.settled();
  } finally {
    recorder.stop();
  }
}

describe('the request schema check', () => {
  it('passes what the typed methods send', async () => {
    const requests = await recorded(() =>
      client.listTasks('pve1', { limit: 5, statusfilter: ['ok', 'error'] }),
    );
    expect(requests).toHaveLength(1);
    expect(() => assertRequestsConform(requests)).not.toThrow();
  });

  it('fails on an unknown parameter, naming it and both versions', async () => {
    const requests = await recorded(() =>
      client.request('GET', '/nodes/pve1/lxc', { query: { colour: 'blue' } }),
    );
    expect(() => assertRequestsConform(requests)).toThrow(
      /PVE 8\.4 GET \/nodes\/\{node\}\/lxc colour: property is not defined in schema[\s\S]*PVE 9\.1/,
    );
  });

  it('fails on a wrong type', async () => {
    const requests = await recorded(() =>
      client.request('POST', '/nodes/pve1/lxc/100/status/shutdown', { body: { timeout: 'soon' } }),
    );
    expect(() => assertRequestsConform(requests)).toThrow(/shutdown timeout: .*integer/);
  });

  it('fails on a missing required parameter', async () => {
    const requests = await recorded(() =>
      client.request('POST', '/nodes/pve1/lxc/100/snapshot', { body: {} }),
    );
    expect(() => assertRequestsConform(requests)).toThrow(/snapname: property is missing/);
  });
});
