import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';

/** A self-signed certificate made at test time, with its SHA-256 fingerprint. */
export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
  /** `AB:CD:…`, as Node's `fingerprint256` and the PVE GUI show it. */
  readonly fingerprint: string;
}

/**
 * Makes a fresh P-256 certificate for `pve.local` and 127.0.0.1 with openssl, with `-addext`
 * for each of `extensions` (e.g. `extendedKeyUsage=clientAuth`). Nothing is kept on disk
 * afterwards.
 */
export function makeCertificate(extensions: readonly string[] = []): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'felhom-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=pve.local',
        '-addext',
        'subjectAltName=DNS:pve.local,IP:127.0.0.1',
        ...extensions.flatMap((extension) => ['-addext', extension]),
      ],
      { stdio: 'ignore' },
    );
    const pem = readFileSync(cert, 'utf8');
    return {
      key: readFileSync(key, 'utf8'),
      cert: pem,
      fingerprint: new X509Certificate(pem).fingerprint256,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A leaf certificate for `pve.local` and 127.0.0.1 signed by a fresh root whose only extension
 * is `rootExtension` (e.g. `keyUsage=digitalSignature`, a root that may not sign). `caPem` is the
 * root, to trust as `tls.ca`.
 */
export function makeSignedCertificate(rootExtension: string): TestCertificate & { readonly caPem: string } {
  const dir = mkdtempSync(join(tmpdir(), 'felhom-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (args: readonly string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    writeFileSync(
      file('root.cnf'),
      `[req]\ndistinguished_name=dn\nx509_extensions=ext\n[dn]\n[ext]\n${rootExtension}\n`,
    );
    openssl([
      'req',
      '-x509',
      ...newKey,
      '-keyout',
      file('root.key'),
      '-out',
      file('root.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=test root',
      '-config',
      file('root.cnf'),
    ]);
    openssl([
      'req',
      ...newKey,
      '-keyout',
      file('leaf.key'),
      '-out',
      file('leaf.csr'),
      '-subj',
      '/CN=pve.local',
    ]);
    writeFileSync(file('leaf.cnf'), 'subjectAltName=DNS:pve.local,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    openssl([
      'x509',
      '-req',
      '-in',
      file('leaf.csr'),
      '-CA',
      file('root.pem'),
      '-CAkey',
      file('root.key'),
      '-CAcreateserial',
      '-out',
      file('leaf.pem'),
      '-days',
      '2',
      '-extfile',
      file('leaf.cnf'),
    ]);
    const pem = readFileSync(file('leaf.pem'), 'utf8');
    return {
      key: readFileSync(file('leaf.key'), 'utf8'),
      cert: pem,
      fingerprint: new X509Certificate(pem).fingerprint256,
      caPem: readFileSync(file('root.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A raw TLS server that records every decrypted byte and answers each request with JSON. */
export interface RecordingServer {
  readonly origin: string;
  /** Decrypted request bytes received, over all connections. */
  readonly bytes: () => number;
  /** Everything received, as text (for asserting what was or was not sent). */
  readonly received: () => string;
  /** TCP connections accepted (before any TLS). */
  readonly connections: () => number;
  /** Completed TLS handshakes. */
  readonly handshakes: () => number;
  /** Handshakes that resumed a cached session (no certificate presented). */
  readonly resumed: () => number;
  readonly close: () => Promise<void>;
}

/**
 * Starts the server on 127.0.0.1. A raw `tls.createServer` instead of `https`: the byte count
 * must not depend on whether an HTTP parser ran. `keepAlive: false` answers with
 * `Connection: close`, forcing a fresh connection (and handshake) per request.
 */
export async function startRecordingServer(
  certificate: TestCertificate,
  options: { keepAlive: boolean; body?: unknown },
): Promise<RecordingServer> {
  let bytes = 0;
  let handshakes = 0;
  let resumed = 0;
  const chunks: Buffer[] = [];
  const payload = JSON.stringify({ data: options.body ?? { version: '9.0.3', release: '9.0' } });
  const server: Server = createServer(
    { key: certificate.key, cert: certificate.cert },
    (socket: TLSSocket) => {
      handshakes++;
      if (socket.isSessionReused()) resumed++;
      let pending = '';
      socket.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        chunks.push(chunk);
        pending += chunk.toString('latin1');
        // Requests in these tests are GETs without a body: one request per blank line.
        for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
          pending = pending.slice(end + 4);
          const connection = options.keepAlive ? 'keep-alive' : 'close';
          socket.write(
            `HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n` +
              `Connection: ${connection}\r\n\r\n${payload}`,
          );
          if (!options.keepAlive) socket.end();
        }
      });
      socket.on('error', () => {
        // The client hangs up on a pin mismatch; that is the expected case here.
      });
    },
  );
  server.on('tlsClientError', () => {
    // A client rejecting our certificate aborts the handshake; counted as no handshake.
  });
  let connections = 0;
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    bytes: () => bytes,
    received: () => Buffer.concat(chunks).toString('latin1'),
    connections: () => connections,
    handshakes: () => handshakes,
    resumed: () => resumed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
