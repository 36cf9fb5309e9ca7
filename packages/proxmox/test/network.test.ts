import { createServer, type Server } from 'node:net';
import { NetworkError, ProxmoxClient } from '@felhom/proxmox';
import { afterEach, describe, expect, it } from 'vitest';
import { caught, token } from './support/msw.js';

// Real sockets on 127.0.0.1 (no msw in this file): what a reset connection looks like to callers.
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function resettingServer(): Promise<{ origin: string; connections: () => number }> {
  let connections = 0;
  server = createServer((socket) => {
    connections++;
    // Reset (RST) as soon as the request arrives, like a crashed or restarted pveproxy worker.
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, connections: () => connections };
}

describe('connection resets', () => {
  it('retries a GET on a reset and then reports NetworkError with the socket error code', async () => {
    const host = await resettingServer();
    const client = new ProxmoxClient({ baseUrl: host.origin, token, retry: { limit: 2, baseDelay: 1 } });
    const error = (await caught(() => client.request('GET', '/version'))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.reason).toBe('network');
    expect(error.code).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
    expect(error.endpoint).toBe('GET /version');
    expect(host.connections()).toBe(3);
  });

  it('does not retry a POST after a reset', async () => {
    const host = await resettingServer();
    const client = new ProxmoxClient({ baseUrl: host.origin, token, retry: { limit: 2, baseDelay: 1 } });
    const error = await caught(() => client.request('POST', '/nodes/pve/lxc/100/status/start'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(host.connections()).toBe(1);
  });
});
