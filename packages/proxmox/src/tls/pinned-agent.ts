import type { TLSSocket } from 'node:tls';
import type { Agent } from 'undici';
import { TLSPinError } from '../errors/tls-pin-error.js';
import { canonicalFingerprint } from './fingerprint.js';
import { undiciAgent, undiciBuildConnector } from './undici-modules.js';

/** Connection settings shared by the pinned and the CA agent. */
export interface AgentSettings {
  /** Most sockets per origin; the client's in-flight cap. */
  readonly connections: number;
  /**
   * The longest a connection may take to open, TLS handshake included, in ms: the client's
   * timeout. A call gives up at its own deadline anyway; this ends the abandoned connection
   * attempt too, so `close()` need not wait for undici's 10 s default.
   */
  readonly connectTimeout: number;
}

/**
 * An undici Agent that accepts exactly one server certificate, by SHA-256 fingerprint.
 *
 * Chain verification is off (a PVE node's certificate is self-signed or signed by the cluster's
 * own CA) and replaced by the pin, which is checked in `connect` — after the TLS handshake and
 * before undici writes a single request byte. Hence the token never reaches a wrong server.
 *
 * `maxCachedSessions: 0` is required: a resumed TLS 1.3 session presents no certificate, so
 * without it the second and later connections could not be checked
 * (docs/security.md#why-pinning-is-built-this-way).
 */
export function createPinnedAgent(fingerprint: string, settings: AgentSettings): Agent {
  const expected = canonicalFingerprint(fingerprint);
  const connectTLS = undiciBuildConnector()({
    rejectUnauthorized: false,
    maxCachedSessions: 0,
    timeout: settings.connectTimeout,
  });
  const UndiciAgent = undiciAgent();
  return new UndiciAgent({
    connections: settings.connections,
    connect(options, callback) {
      connectTLS(options, (error, socket) => {
        if (error) return callback(error, null);
        const tlsSocket = socket as TLSSocket;
        const presented = tlsSocket.getPeerCertificate?.()?.fingerprint256 ?? '';
        if (presented !== expected) {
          socket.destroy();
          const host = `${options.hostname}:${options.port || '443'}`;
          return callback(new TLSPinError({ expected, presented, host }), null);
        }
        return callback(null, socket);
      });
    },
  });
}
