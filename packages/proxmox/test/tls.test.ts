import { ProxmoxClient, TLSError, TLSPinError } from '@felhom/proxmox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caught, token } from './support/msw.js';
import {
  makeCertificate,
  type RecordingServer,
  startRecordingServer,
  type TestCertificate,
} from './support/tls-server.js';

// A real HTTPS server on 127.0.0.1 with a certificate made now; no msw in this file.
let certificate: TestCertificate;
let other: TestCertificate;
const servers: RecordingServer[] = [];
const clients: ProxmoxClient[] = [];

beforeAll(() => {
  certificate = makeCertificate();
  other = makeCertificate();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(keepAlive: boolean): Promise<RecordingServer> {
  const server = await startRecordingServer(certificate, { keepAlive });
  servers.push(server);
  return server;
}

function client(options: Omit<ConstructorParameters<typeof ProxmoxClient>[0], 'token'>): ProxmoxClient {
  const created = new ProxmoxClient({ token, ...options });
  clients.push(created);
  return created;
}

describe('TLS fingerprint pinning against a real HTTPS server', () => {
  it('accepts the right pin on every fresh connection (no session-resumption gap)', async () => {
    const server = await serve(false);
    const pinned = client({ baseUrl: server.origin, tls: { fingerprint: certificate.fingerprint } });
    for (let round = 0; round < 4; round++) {
      expect((await pinned.request('GET', '/version')).data).toEqual({ version: '9.0.3', release: '9.0' });
    }
    // Connection: close forced four connections; each was a full handshake the pin checked.
    expect(server.handshakes()).toBe(4);
    expect(server.resumed()).toBe(0);
  });

  it.each([
    ['lower case without colons', (fp: string) => fp.replace(/:/g, '').toLowerCase()],
    ['lower case with colons', (fp: string) => fp.toLowerCase()],
  ])('accepts the pin written in %s', async (_title, spell) => {
    const server = await serve(true);
    const pinned = client({ baseUrl: server.origin, tls: { fingerprint: spell(certificate.fingerprint) } });
    expect((await pinned.request('GET', '/version')).data).toEqual({ version: '9.0.3', release: '9.0' });
  });

  it('refuses a wrong pin with TLSPinError before a single request byte, and does not retry', async () => {
    const server = await serve(false);
    const pinned = client({
      baseUrl: server.origin,
      tls: { fingerprint: other.fingerprint },
      retry: { limit: 3 },
    });
    const error = (await caught(() => pinned.request('GET', '/version'))) as TLSPinError;
    expect(error).toBeInstanceOf(TLSPinError);
    expect(error.reason).toBe('tls');
    expect(error.expected).toBe(other.fingerprint);
    expect(error.presented).toBe(certificate.fingerprint);
    expect(error.message).toContain(other.fingerprint);
    expect(error.message).toContain(certificate.fingerprint);
    expect(server.bytes()).toBe(0);
    expect(server.received()).not.toContain('PVEAPIToken');
    // One connection: the mismatch is not retried (retry.limit 3 notwithstanding).
    expect(server.connections()).toBe(1);
  });

  it('refuses a wrong pin on a later connection too', async () => {
    const server = await serve(false);
    const good = client({ baseUrl: server.origin, tls: { fingerprint: certificate.fingerprint } });
    await good.request('GET', '/version');
    const received = server.bytes();
    const bad = client({
      baseUrl: server.origin,
      tls: { fingerprint: other.fingerprint },
      retry: { limit: 0 },
    });
    for (let round = 0; round < 3; round++) {
      expect(await caught(() => bad.request('GET', '/version'))).toBeInstanceOf(TLSPinError);
    }
    expect(server.bytes()).toBe(received);
  });

  it('reuses kept-alive connections for consecutive requests', async () => {
    const server = await serve(true);
    const pinned = client({ baseUrl: server.origin, tls: { fingerprint: certificate.fingerprint } });
    for (let round = 0; round < 12; round++) await pinned.request('GET', '/version');
    // undici may open a second socket while the first is being returned to its pool; after
    // that the pool serves every request (12 requests, at most 2 handshakes).
    expect(server.handshakes()).toBeLessThanOrEqual(2);
    expect(server.connections()).toBeLessThanOrEqual(2);
  });
});

describe('TLS without a pin', () => {
  it('refuses a self-signed certificate with a clear TLSError when neither pin nor ca is set', async () => {
    const server = await serve(true);
    const plain = client({ baseUrl: server.origin, retry: { limit: 3 } });
    const error = (await caught(() => plain.request('GET', '/version'))) as TLSError;
    expect(error).toBeInstanceOf(TLSError);
    expect(error.reason).toBe('tls');
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain('tls.fingerprint');
    expect(server.bytes()).toBe(0);
  });

  it('trusts the certificate given as tls.ca', async () => {
    const server = await serve(true);
    const trusting = client({ baseUrl: server.origin, tls: { ca: certificate.cert } });
    expect((await trusting.request('GET', '/version')).data).toEqual({ version: '9.0.3', release: '9.0' });
  });

  it('refuses the server when tls.ca is a different CA', async () => {
    const server = await serve(true);
    const trusting = client({
      baseUrl: server.origin,
      tls: { ca: Buffer.from(other.cert) },
      retry: { limit: 0 },
    });
    const error = await caught(() => trusting.request('GET', '/version'));
    expect(error).toBeInstanceOf(TLSError);
    expect(server.bytes()).toBe(0);
  });
});
