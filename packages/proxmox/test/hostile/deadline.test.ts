import { ProxmoxClient, type ProxmoxClientOptions, TimeoutError } from '@felhom/proxmox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostileAnswer,
  type HostileServer,
  startHostileServer,
  startSilentServer,
} from '../support/hostile-server.js';
import { caught, token } from '../support/msw.js';
import { makeCertificate, type TestCertificate } from '../support/tls-server.js';

// One deadline per attempt: connecting, the TLS handshake, the headers and the whole body of a
// success or an error answer. Real servers on 127.0.0.1 that stall or trickle, in each TLS mode.

const timeout = 600;
// What the deadline may overrun by: timers, the event loop and tearing the connection down.
const slack = 200;

let certificate: TestCertificate;
const timers = new Set<ReturnType<typeof setInterval>>();
const servers: HostileServer[] = [];
const clients: ProxmoxClient[] = [];

beforeAll(() => {
  certificate = makeCertificate();
});
afterEach(async () => {
  for (const timer of timers) clearInterval(timer);
  timers.clear();
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => {
  expect(timers.size).toBe(0);
});

type Mode = 'http' | 'ca' | 'pinned';

function clientFor(mode: Mode, origin: string, options: Partial<ProxmoxClientOptions> = {}): ProxmoxClient {
  const tls =
    mode === 'ca'
      ? { tls: { ca: certificate.cert } }
      : mode === 'pinned'
        ? { tls: { fingerprint: certificate.fingerprint } }
        : {};
  const client = new ProxmoxClient({ baseUrl: origin, token, timeout, ...tls, ...options });
  clients.push(client);
  return client;
}

async function serve(mode: Mode, answer: HostileAnswer): Promise<HostileServer> {
  const server = await startHostileServer(answer, mode === 'http' ? undefined : certificate);
  servers.push(server);
  return server;
}

/** Writes one byte every 200 ms, forever (until the connection goes). */
function trickle(response: { write(chunk: string): boolean; destroyed: boolean }, first = ''): void {
  if (first) response.write(first);
  const timer = setInterval(() => {
    if (response.destroyed) {
      clearInterval(timer);
      timers.delete(timer);
      return;
    }
    response.write(' ');
  }, 200);
  timers.add(timer);
}

const stalls: Record<string, HostileAnswer> = {
  'a 500 whose body stalls after a few bytes': (_request, response) => {
    response.writeHead(500, 'Internal Server Error', {
      'content-type': 'application/json',
      'content-length': 1000,
    });
    response.write('{"data":null,"mess');
  },
  'a 403 whose body trickles one byte every 200 ms': (_request, response) => {
    response.writeHead(403, 'Permission check failed', {
      'content-type': 'application/json',
      'content-length': 1000,
    });
    trickle(response, '{"data":null,');
  },
  'a 200 whose body trickles one byte every 200 ms': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100_000 });
    trickle(response, '{"data":');
  },
  'a 200 whose headers never come': () => {
    // The request is read, and nothing is ever answered.
  },
};

describe.each(['http', 'ca', 'pinned'] as const)('%s: one deadline per attempt', (mode) => {
  it.each(Object.entries(stalls))('%s: TimeoutError within the timeout', async (_title, answer) => {
    const server = await serve(mode, answer);
    const client = clientFor(mode, server.origin);
    const started = performance.now();
    const error = (await caught(() => client.request('GET', '/version'))) as TimeoutError;
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeout).toBe(timeout);
    expect(elapsed).toBeGreaterThanOrEqual(timeout - 5);
    expect(elapsed).toBeLessThan(timeout + slack);
    // A timed-out attempt is not retried.
    expect(server.requests()).toBe(1);
  });

  it('a host that accepts the connection and never speaks: TimeoutError within the timeout', async () => {
    const silent = await startSilentServer(mode === 'http' ? 'http' : 'https');
    servers.push(silent);
    const client = clientFor(mode, silent.origin);
    const started = performance.now();
    const error = await caught(() => client.request('GET', '/version'));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThan(timeout + slack);
    if (mode !== 'http') {
      // Stuck in the TLS handshake: the request (and the token) was never written.
      expect(silent.bytes()).toBeGreaterThan(0);
      expect(silent.bytes()).toBeLessThan(2_000);
    }
  });

  it('ends the request on the wire at the deadline: the connection is freed for the next call', async () => {
    let requests = 0;
    let closedAt = 0;
    const server = await serve(mode, (request, response) => {
      requests++;
      if (requests === 1) {
        // Never answer the first request; note when the client hangs up.
        request.socket.once('close', () => {
          closedAt = performance.now();
        });
        return;
      }
      const body = JSON.stringify({ data: { version: '9.1.2' } });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      response.end(body);
    });
    // One connection only: a request left running would hold it.
    const client = clientFor(mode, server.origin, { concurrency: 1 });
    const started = performance.now();
    expect(await caught(() => client.request('GET', '/version'))).toBeInstanceOf(TimeoutError);
    expect((await client.request('GET', '/version')).data).toEqual({ version: '9.1.2' });
    expect(performance.now() - started).toBeLessThan(timeout + slack);
    expect(closedAt - started).toBeGreaterThan(0);
    expect(closedAt - started).toBeLessThan(timeout + slack);
  });

  it('a per-call timeout bounds the whole attempt the same way', async () => {
    const server = await serve(mode, stalls['a 500 whose body stalls after a few bytes'] as HostileAnswer);
    const client = clientFor(mode, server.origin, { timeout: 30_000 });
    const started = performance.now();
    const error = (await caught(() => client.request('GET', '/version', { timeout }))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(timeout + slack);
  });
});
