import { APIError, InvalidArgumentError, ProxmoxClient, ResponseTooLargeError } from '@felhom/proxmox';
import { afterEach, describe, expect, it } from 'vitest';
import { type HostileServer, startHostileServer } from '../support/hostile-server.js';
import { caught, token } from '../support/msw.js';

// A response size limit per client: a host cannot make the client buffer more than the limit
// (plus one chunk in flight), and a too-large answer is not retried.

const servers: HostileServer[] = [];
const clients: ProxmoxClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const MiB = 1_048_576;

/** A host that streams `{"data":"xxxx…` without end (chunked, no Content-Length), counting what it wrote. */
async function endlessHost(): Promise<HostileServer & { written: () => number }> {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const server = await startHostileServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data":"');
    const pump = (): void => {
      while (!response.destroyed && written < 2_000 * MiB) {
        written += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
    };
    response.on('close', () => response.off('drain', pump));
    pump();
  });
  servers.push(server);
  return { ...server, written: () => written };
}

function client(origin: string, maxResponseBytes?: number): ProxmoxClient {
  const created = new ProxmoxClient({
    baseUrl: origin,
    token,
    retry: { limit: 3, baseDelay: 1 },
    ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
  });
  clients.push(created);
  return created;
}

describe('maxResponseBytes', () => {
  it('stops reading an endless body at the default 32 MiB with ResponseTooLargeError, once', async () => {
    const host = await endlessHost();
    const error = (await caught(() =>
      client(host.origin).request('GET', '/cluster/resources'),
    )) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.reason).toBe('too-large');
    expect(error.limit).toBe(32 * MiB);
    expect(error.endpoint).toBe('GET /cluster/resources');
    expect(host.requests()).toBe(1);
    // The client hung up: the host could write the limit plus what the socket buffers hold.
    expect(host.written()).toBeLessThan(32 * MiB + 16 * MiB);
  });

  it('honours a smaller limit', async () => {
    const host = await endlessHost();
    const error = (await caught(() =>
      client(host.origin, MiB).request('GET', '/version'),
    )) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(MiB);
    expect(host.written()).toBeLessThan(MiB + 16 * MiB);
  });

  it('refuses at once a Content-Length above the limit, without reading the body', async () => {
    const server = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 10 * MiB });
      response.write('{"data":');
    });
    servers.push(server);
    const started = performance.now();
    const error = await caught(() => client(server.origin, MiB).request('GET', '/version'));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests()).toBe(1);
  });

  it('an error answer with an oversized body is still an APIError, with the reason phrase', async () => {
    const server = await startHostileServer((_request, response) => {
      response.writeHead(403, 'Permission check failed (/vms/100, VM.Audit)', {
        'content-type': 'application/json',
      });
      response.end(`{"data":null,"message":"${'x'.repeat(200_000)}"}`);
    });
    servers.push(server);
    const error = (await caught(() =>
      client(server.origin).request('GET', '/nodes/pve/lxc/100/config'),
    )) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.hostMessage).toBe('Permission check failed (/vms/100, VM.Audit)');
    expect(error.permission).toMatchObject({ kind: 'privilege', path: '/vms/100' });
  });

  it.each([0, -1, 1.5, 2 ** 29 + 1, Number.NaN])('refuses maxResponseBytes %s', (value) => {
    expect(
      () => new ProxmoxClient({ baseUrl: 'https://pve.test:8006', token, maxResponseBytes: value }),
    ).toThrow(InvalidArgumentError);
  });
});
