import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleSimulatorRequest } from '../api/handle.js';
import type { SimulatedCluster } from '../model/cluster.js';
import { makeSelfSignedCertificate } from './certificate.js';

/** Options of {@link startSimulatorServer}. */
export interface SimulatorServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Host to listen on. @default '127.0.0.1' */
  readonly host?: string;
}

/** A running simulated PVE host over real HTTPS. */
export interface SimulatorServer {
  /** Base URL such as `https://127.0.0.1:40123` (the client adds `/api2/json`). */
  readonly url: string;
  /** The certificate's SHA-256 fingerprint, `AB:CD:…`, for pinning. */
  readonly fingerprint256: string;
  /** The self-signed certificate, for clients that trust a CA file instead of pinning. */
  readonly certificatePem: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves the cluster on a real HTTPS port with a certificate made at start. Status codes and
 * reason phrases are the host's (`HTTP/1.1 403 Permission check failed (/vms/100, VM.PowerMgmt)`,
 * `595 Errors during connection establishment, …`).
 */
export async function startSimulatorServer(
  cluster: SimulatedCluster,
  options: SimulatorServerOptions = {},
): Promise<SimulatorServer> {
  const certificate = await makeSelfSignedCertificate(cluster.entryNode);
  const server: Server = createServer(
    { key: certificate.privateKeyPem, cert: certificate.certificatePem },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answer = handleSimulatorRequest(cluster, {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(answer.status, answer.reason, {
          ...answer.headers,
          'content-length': Buffer.byteLength(answer.body),
        });
        res.end(answer.body);
      });
    },
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    fingerprint256: certificate.fingerprint256,
    certificatePem: certificate.certificatePem,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
