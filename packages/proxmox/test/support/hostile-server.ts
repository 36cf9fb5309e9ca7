import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { TestCertificate } from './tls-server.js';

/** How a hostile host answers one request. */
export type HostileAnswer = (request: IncomingMessage, response: ServerResponse) => void;

/** A server on 127.0.0.1 that misbehaves as told; `close()` also ends stalled answers. */
export interface HostileServer {
  readonly origin: string;
  /** Requests received (by the HTTP parser). */
  readonly requests: () => number;
  readonly close: () => Promise<void>;
}

/**
 * Starts an HTTP (no certificate) or HTTPS server on 127.0.0.1 whose every request is answered
 * by `answer`. Timers the answer starts are the caller's to clear; `close` destroys every open
 * connection, which ends them.
 */
export async function startHostileServer(
  answer: HostileAnswer,
  certificate?: TestCertificate,
): Promise<HostileServer> {
  let requests = 0;
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    requests++;
    answer(request, response);
  };
  const server = certificate
    ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler)
    : createHttpServer(handler);
  return listen(server, certificate ? 'https' : 'http', () => requests);
}

/**
 * A TCP server on 127.0.0.1 that accepts connections and never sends a byte: neither a TLS
 * handshake nor an HTTP answer arrives. Counts the bytes it received.
 */
export async function startSilentServer(
  protocol: 'http' | 'https',
): Promise<HostileServer & { bytes: () => number }> {
  let bytes = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    socket.on('error', () => {
      // The client hangs up when it gives up; expected.
    });
  });
  const started = await listen(server, protocol, () => 0, sockets);
  return { ...started, bytes: () => bytes };
}

async function listen(
  server: Server,
  protocol: 'http' | 'https',
  requests: () => number,
  tracked?: Set<Socket>,
): Promise<HostileServer> {
  const sockets = tracked ?? new Set<Socket>();
  if (!tracked) {
    server.on(protocol === 'https' ? 'secureConnection' : 'connection', (socket: Socket) => {
      sockets.add(socket);
    });
    // Plain HTTP sockets too, in case the TLS layer never completes.
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
    });
  }
  server.on('tlsClientError', () => {
    // A client that gives up mid-handshake; expected.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${protocol}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
