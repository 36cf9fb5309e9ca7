import { AbortedError, ProxmoxClient } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { caught, token } from '../support/msw.js';
import { makeCertificate, startRecordingServer } from '../support/tls-server.js';

describe('close()', () => {
  it('may be called again; later requests fail with AbortedError before anything is sent', async () => {
    const certificate = makeCertificate();
    const server = await startRecordingServer(certificate, { keepAlive: true });
    try {
      const client = new ProxmoxClient({
        baseUrl: server.origin,
        token,
        tls: { fingerprint: certificate.fingerprint },
      });
      await client.request('GET', '/version');
      const first = client.close();
      const second = client.close();
      expect(second).toBe(first);
      await expect(Promise.all([first, second, client.close()])).resolves.toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      const connections = server.connections();
      const error = (await caught(() => client.request('GET', '/version'))) as AbortedError;
      expect(error).toBeInstanceOf(AbortedError);
      expect(error.operation).toBe('GET /version');
      expect(server.connections()).toBe(connections);
    } finally {
      await server.close();
    }
  });
});
