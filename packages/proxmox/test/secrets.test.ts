import { createServer } from 'node:net';
import { inspect } from 'node:util';
import {
  isProxmoxError,
  ProxmoxClient,
  type ProxmoxClientOptions,
  type ProxmoxLogEvent,
} from '@felhom/proxmox';
import { delay, HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, caught, origin, pve401, pveData, pveError, server, token, useMsw } from './support/msw.js';
import { createUPID, scriptTask, statusAnswer } from './support/task-host.js';
import { makeCertificate, type RecordingServer, startRecordingServer } from './support/tls-server.js';

// Saved before msw patches the global: the real-network scenarios go around msw on purpose.
const realFetch = globalThis.fetch;
useMsw();

const events: ProxmoxLogEvent[] = [];
const logger = (event: ProxmoxLogEvent) => events.push(event);
let tlsServer: RecordingServer;
let closedPort: number;
const clients: ProxmoxClient[] = [];

beforeAll(async () => {
  tlsServer = await startRecordingServer(makeCertificate(), { keepAlive: true });
  // A port that was just free: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await tlsServer.close();
});

function client(options: Partial<ProxmoxClientOptions> = {}): ProxmoxClient {
  const created = new ProxmoxClient({
    baseUrl: origin,
    token,
    logger,
    retry: { limit: 1, baseDelay: 1 },
    ...options,
  });
  clients.push(created);
  return created;
}

// Every way a call can fail, each driven with the known secret in the client.
const scenarios: Record<string, () => Promise<unknown>> = {
  '401 auth': async () => {
    server.use(http.get(`${api}/version`, () => pve401('Authentication failed!')));
    return client().request('GET', '/version');
  },
  '403 permission': async () => {
    server.use(
      http.post(`${api}/nodes/pve/lxc`, () =>
        pveError(403, 'Permission check failed (/vms/100, VM.Allocate)', { modern: true }),
      ),
    );
    return client().request('POST', '/nodes/pve/lxc', { body: { vmid: 100 } });
  },
  '400 bad request': async () => {
    server.use(
      http.post(`${api}/nodes/pve/lxc`, () =>
        pveError(400, 'Parameter verification failed.', {
          modern: false,
          errors: { vmid: 'type check failed' },
        }),
      ),
    );
    return client().request('POST', '/nodes/pve/lxc', { body: { vmid: 'x' } });
  },
  '500 server after retries': async () => {
    server.use(
      http.get(`${api}/nodes`, () => pveError(500, 'unable to read cluster status', { modern: true })),
    );
    return client().request('GET', '/nodes');
  },
  '595 node unreachable': async () => {
    server.use(
      http.get(`${api}/nodes/pve2/status`, () => pveError(595, 'No route to host', { modern: false })),
    );
    return client().request('GET', '/nodes/pve2/status');
  },
  'msw network error': async () => {
    server.use(http.get(`${api}/version`, () => HttpResponse.error()));
    return client().request('GET', '/version');
  },
  'connection refused (real socket)': async () =>
    client({ baseUrl: `http://127.0.0.1:${closedPort}`, fetch: realFetch }).request('GET', '/version'),
  'TLS pin mismatch (real server)': async () =>
    client({
      baseUrl: tlsServer.origin,
      fetch: realFetch,
      tls: { fingerprint: makeCertificate().fingerprint },
    }).request('GET', '/version'),
  'TLS untrusted (real server)': async () =>
    client({ baseUrl: tlsServer.origin, fetch: realFetch }).request('GET', '/version'),
  timeout: async () => {
    server.use(
      http.get(`${api}/version`, async () => {
        await delay(5_000);
        return pveData(null);
      }),
    );
    return client({ timeout: 50 }).request('GET', '/version');
  },
  aborted: async () => {
    server.use(
      http.get(`${api}/version`, async () => {
        await delay(5_000);
        return pveData(null);
      }),
    );
    return client().request('GET', '/version', { signal: AbortSignal.timeout(20) });
  },
  'response shape': async () => {
    server.use(http.get(`${api}/version`, () => HttpResponse.json({ version: '9.0.3' })));
    return client().request('GET', '/version');
  },
  'invalid path': async () => client().request('GET', '../secret'),
  'invalid secret': async () =>
    new ProxmoxClient({ baseUrl: origin, token: { id: token.id, secret: `${token.secret} ` } }),
  'bad UPID': async () => client().waitTask('UPID:pve:garbage:'),
  'task failed': async () => {
    const { handlers } = scriptTask(
      createUPID,
      [statusAnswer(createUPID, 'stopped', 'job errors')],
      ['TASK ERROR: job errors'],
    );
    server.use(...handlers);
    return client().waitTask(createUPID);
  },
  'task timeout': async () => {
    const { handlers } = scriptTask(createUPID, [statusAnswer(createUPID, 'running')], ['running']);
    server.use(...handlers);
    return client().waitTask(createUPID, { timeout: 30, minDelay: 10, maxDelay: 10 });
  },
};

describe('the token secret never leaks', () => {
  it.each(Object.keys(scenarios))('%s', async (name) => {
    events.length = 0;
    const scenario = scenarios[name];
    if (!scenario) throw new Error(name);
    const error = await caught(scenario);
    expect(isProxmoxError(error)).toBe(true);
    const failure = error as Error;
    const outputs = [
      failure.message,
      failure.stack ?? '',
      inspect(failure, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(failure),
      JSON.stringify(events),
      inspect(events, { depth: Number.POSITIVE_INFINITY }),
    ];
    for (const output of outputs) expect(output).not.toContain(token.secret);
  });

  it('is not visible on the client object', () => {
    const instance = client();
    expect(inspect(instance, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(
      token.secret,
    );
    expect(JSON.stringify(instance)).not.toContain(token.secret);
    expect(Object.values(instance).join(' ')).not.toContain(token.secret);
  });

  it('reaches the wire only in the Authorization header', async () => {
    vi.useRealTimers();
    let header = '';
    server.use(
      http.get(`${api}/version`, ({ request }) => {
        header = request.headers.get('authorization') ?? '';
        return pveData({ version: '9.0.3' });
      }),
    );
    await client().request('GET', '/version');
    expect(header).toBe(`PVEAPIToken=${token.id}=${token.secret}`);
    expect(JSON.stringify(events)).not.toContain(token.secret);
  });
});
