import { APIError, NetworkError, TLSError, TLSPinError } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../src/selftest/explain-error.js';

const context = { baseUrl: 'https://pve.example.com:8006', tokenId: 'felhom@pve!agent' };
const network = (code: string) =>
  new NetworkError({ endpoint: 'GET /version', code, detail: `connect ${code}` });

describe('explainError', () => {
  it('a name that does not resolve gets the DNS hint, not the pveproxy one', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const failure = explainError(network(code), context);
      expect(failure.fatal).toBe(true);
      expect(failure.evidence).toBe(`the name pve.example.com does not resolve (${code})`);
      expect(failure.hint).toContain('getent hosts pve.example.com');
      expect(failure.hint).not.toContain('pveproxy');
    }
  });

  it('a refused connection names pveproxy and the port; a closed one asks whether it is the HTTPS port', () => {
    expect(explainError(network('ECONNREFUSED'), context)).toMatchObject({
      fatal: true,
      evidence: 'pve.example.com:8006 refused the connection (ECONNREFUSED)',
    });
    expect(explainError(network('ECONNREFUSED'), context).hint).toContain('systemctl status pveproxy');
    expect(explainError(network('ECONNRESET'), context).hint).toContain("the Proxmox VE API's HTTPS port");
    expect(explainError(network('EHOSTUNREACH'), context).evidence).toBe(
      'no route to pve.example.com:8006 (EHOSTUNREACH)',
    );
  });

  it('a pin mismatch names both certificate files pveproxy may serve', () => {
    const pin = new TLSPinError({ expected: 'AA', presented: 'BB', host: 'pve.example.com:8006' });
    const { hint } = explainError(pin, context);
    expect(hint).toContain('/etc/pve/local/pveproxy-ssl.pem (a custom certificate)');
    expect(hint).toContain('/etc/pve/local/pve-ssl.pem (the default one)');
    expect(hint).toContain('set tls.fingerprint (or FELHOM_AGENT_TLS_FINGERPRINT) to BB');
  });

  it('a TLS failure against something that is not TLS says so', () => {
    const error = new TLSError({
      code: 'ERR_SSL_WRONG_VERSION_NUMBER',
      endpoint: 'GET /version',
      detail: 'wrong version number',
    });
    expect(explainError(error, context).hint).toBe(
      "the other side does not speak TLS: is 8006 the Proxmox VE API's HTTPS port (8006)?",
    );
  });

  it('a 595 from proxying names the node that is unreachable and the address it went through', () => {
    const error = new APIError({
      status: 595,
      method: 'GET',
      path: '/nodes/pve2/status',
      hostMessage: 'Errors during connection establishment, proxy handshake: No route to host',
    });
    const failure = explainError(error, context);
    expect(failure.evidence).toMatch(
      /^node pve2 is unreachable: the host at https:\/\/pve\.example\.com:8006/,
    );
    expect(failure.hint).toContain('from pve.example.com:8006 to pve2');
  });
});
