import { NetworkError, ProxmoxClient, TLSError } from '@felhom/proxmox';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateVerifyCodes } from '../../src/transport/tls-codes.js';
import { caught, token } from '../support/msw.js';
import {
  makeCertificate,
  makeSignedCertificate,
  type RecordingServer,
  startRecordingServer,
  type TestCertificate,
} from '../support/tls-server.js';

// Every certificate-verification failure is the TLS error and is never retried: another try
// meets the same certificate.

const servers: RecordingServer[] = [];
const clients: ProxmoxClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(servers.map((server) => server.close()));
});

async function refusedWith(certificate: TestCertificate, ca: string) {
  const server = await startRecordingServer(certificate, { keepAlive: true });
  servers.push(server);
  const client = new ProxmoxClient({
    baseUrl: server.origin,
    token,
    tls: { ca },
    retry: { limit: 3, baseDelay: 1 },
  });
  clients.push(client);
  const error = await caught(() => client.request('GET', '/version'));
  return { error, server };
}

describe('certificate verification failures against a real TLS server', () => {
  it('a certificate not meant for servers (INVALID_PURPOSE) is a TLSError, tried once', async () => {
    const clientOnly = makeCertificate(['extendedKeyUsage=clientAuth']);
    const { error, server } = await refusedWith(clientOnly, clientOnly.cert);
    expect(error).toBeInstanceOf(TLSError);
    expect((error as TLSError).code).toBe('INVALID_PURPOSE');
    expect(server.bytes()).toBe(0);
    expect(server.connections()).toBe(1);
  });

  it('a chain whose root may not sign certificates (UNSPECIFIED) is a TLSError, tried once', async () => {
    const signed = makeSignedCertificate('keyUsage=digitalSignature');
    const { error, server } = await refusedWith(signed, signed.caPem);
    expect(error).toBeInstanceOf(TLSError);
    expect((error as TLSError).code).toBe('UNSPECIFIED');
    expect(server.bytes()).toBe(0);
    expect(server.connections()).toBe(1);
  });
});

describe('every verify code Node reports', () => {
  it.each(certificateVerifyCodes)('%s becomes a TLSError and is not retried', async (code) => {
    let calls = 0;
    const failingFetch = async (): Promise<Response> => {
      calls++;
      const cause = Object.assign(new Error(`certificate verify failed (${code})`), { code });
      throw new TypeError('fetch failed', { cause });
    };
    const client = new ProxmoxClient({
      baseUrl: 'https://pve.test:8006',
      token,
      fetch: failingFetch,
      retry: { limit: 3, baseDelay: 1 },
    });
    const error = (await caught(() => client.request('GET', '/version'))) as TLSError;
    expect(error).toBeInstanceOf(TLSError);
    expect(error.code).toBe(code);
    expect(calls).toBe(1);
  });

  it('a connection failure without a certificate code is still a retried NetworkError', async () => {
    let calls = 0;
    const failingFetch = async (): Promise<Response> => {
      calls++;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      });
    };
    const client = new ProxmoxClient({
      baseUrl: 'https://pve.test:8006',
      token,
      fetch: failingFetch,
      retry: { limit: 2, baseDelay: 1 },
    });
    expect(await caught(() => client.request('GET', '/version'))).toBeInstanceOf(NetworkError);
    expect(calls).toBe(3);
  });
});
