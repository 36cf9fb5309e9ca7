import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { generate } from 'selfsigned';

/** A server on 127.0.0.1 that is there but never gives an answer a client can use. */
export interface DeadHost {
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  /** For the TLS host, its certificate's SHA-256 fingerprint (pin it so the handshake passes). */
  readonly fingerprint256: string | undefined;
  close(): Promise<void>;
}

function track(server: Server, fingerprint256?: string): Promise<DeadHost> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `https://127.0.0.1:${port}`,
        fingerprint256,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Accepts TCP connections and stays silent: the TLS handshake never completes. */
export function silentTcpHost(): Promise<DeadHost> {
  return track(createServer(() => undefined));
}

/** Completes the TLS handshake, then never answers the HTTP request. */
export async function silentTlsHost(): Promise<DeadHost> {
  const pems = await generate([{ name: 'commonName', value: 'silent' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(0),
    notAfterDate: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    algorithm: 'sha256',
  });
  const fingerprint = new X509Certificate(pems.cert).fingerprint256;
  return track(
    createTlsServer({ key: pems.private, cert: pems.cert }, () => undefined),
    fingerprint,
  );
}

/** Speaks plain HTTP where HTTPS is expected. */
export function plainHttpHost(): Promise<DeadHost> {
  return track(createHttpServer((_req, res) => res.end('{}')) as unknown as Server);
}

/** A port on 127.0.0.1 where nothing listens (bound once to find a free one, then closed). */
export async function refusingPort(): Promise<string> {
  const host = await track(createServer());
  await host.close();
  return host.url;
}
