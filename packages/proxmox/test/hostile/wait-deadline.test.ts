import { ProxmoxClient, TaskTimeoutError } from '@felhom/proxmox';
import { afterEach, describe, expect, it } from 'vitest';
import { type HostileAnswer, type HostileServer, startHostileServer } from '../support/hostile-server.js';
import { caught, token } from '../support/msw.js';
import { createUPID, statusBody } from '../support/task-host.js';

// waitTask against a real host on 127.0.0.1 that stalls: it settles by its own deadline
// (+200 ms), whatever the client's request timeout.

const servers: HostileServer[] = [];
const clients: ProxmoxClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const running: HostileAnswer = (_request, response) => {
  const body = JSON.stringify({ data: statusBody(createUPID, 'running') });
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
};
const stall: HostileAnswer = () => {
  // Nothing is ever answered.
};

describe('waitTask settles by its deadline against a stalling host', () => {
  const routes: Record<string, HostileAnswer> = {
    'every request stalls': stall,
    'polls answer, the log tail stalls': (request, response) =>
      (request.url?.includes('/status') ? running : stall)(request, response),
  };

  it.each(Object.entries(routes))('%s', async (_title, answer) => {
    const server = await startHostileServer(answer);
    servers.push(server);
    const client = new ProxmoxClient({ baseUrl: server.origin, token, timeout: 5_000 });
    clients.push(client);
    const started = performance.now();
    const error = await caught(() => client.waitTask(createUPID, { timeout: 1_000 }));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(995);
    expect(elapsed).toBeLessThan(1_000 + 200);
  });
});
