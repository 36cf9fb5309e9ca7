import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { token } from '../support/msw.js';
import { makeCertificate, type RecordingServer, startRecordingServer } from '../support/tls-server.js';

// `NODE_TLS_REJECT_UNAUTHORIZED=0` turns certificate checks off for every TLS connection that
// does not say otherwise. The client says otherwise on its own connections in every mode. A
// fresh Node process with the variable set talks to an impostor with a self-signed certificate.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const entry = new URL('../../src/index.ts', import.meta.url).href;

const script = `
const { ProxmoxClient } = await import(${JSON.stringify(entry)});
const [origin, id, secret, otherCa] = process.argv.slice(1);
const report = { warnings: [], outcomes: {} };
const logger = (event) => { if (event.type === 'warning') report.warnings.push(event); };
const modes = { system: undefined, ca: { ca: otherCa } };
for (const [mode, tls] of Object.entries(modes)) {
  const client = new ProxmoxClient({ baseUrl: origin, token: { id, secret }, retry: { limit: 0 }, logger, ...(tls ? { tls } : {}) });
  try {
    await client.request('GET', '/version');
    report.outcomes[mode] = 'sent';
  } catch (error) {
    report.outcomes[mode] = error.name + ':' + error.code;
  }
  await client.close();
}
// The variable really is in force for everything else in the process: a plain fetch goes through.
report.plainFetch = await fetch(origin + '/api2/json/version').then((r) => r.status, (e) => e.cause?.code ?? e.message);
console.log(JSON.stringify(report));
`;

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer(makeCertificate(), { keepAlive: false });
});
afterAll(async () => {
  await server.close();
});

describe('NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', () => {
  it('the client still refuses an unverifiable certificate, never sends the token, and warns once per client', async () => {
    const otherCa = makeCertificate().cert;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        script,
        server.origin,
        token.id,
        token.secret,
        otherCa,
      ],
      {
        cwd: repoRoot,
        timeout: 60_000,
        env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1' },
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(report.outcomes).toEqual({
      system: 'TLSError:DEPTH_ZERO_SELF_SIGNED_CERT',
      ca: 'TLSError:DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(server.received()).not.toContain('PVEAPIToken');
    expect(report.plainFetch).toBe(200);
    expect(report.warnings).toHaveLength(2);
    expect(report.warnings[0]).toMatchObject({
      type: 'warning',
      code: 'tls-verification-disabled-in-environment',
    });
    expect(report.warnings[0].message).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0');
  }, 60_000);
});
