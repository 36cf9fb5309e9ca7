import type { TLSOptions } from '../tls/tls-options.js';
import type { ProxmoxLogger } from '../transport/log-event.js';
import type { RetryOptions } from '../transport/retry-options.js';

/** An API token: `USER@REALM!TOKENID` and its secret (shown once by `pveum user token add`). */
export interface ProxmoxToken {
  /** The full token id, e.g. `felhom@pve!agent`. */
  readonly id: string;
  /** The token's secret (a UUID). Sent only in the `Authorization` header; never logged. */
  readonly secret: string;
}

/** Options of `new ProxmoxClient(options)`; validated eagerly by the constructor. */
export interface ProxmoxClientOptions {
  /**
   * The host's API origin, e.g. `https://pve.example.com:8006`; `/api2/json` is appended.
   * `http:` is accepted for loopback hosts only (tests, local tunnels).
   */
  readonly baseUrl: string;
  /** The API token the client authenticates with. */
  readonly token: ProxmoxToken;
  /**
   * How the host's certificate is verified: a pinned SHA-256 `fingerprint` or a `ca`.
   * @default the system CA store
   */
  readonly tls?: TLSOptions;
  /**
   * Per-attempt request timeout in ms, until the whole body is read.
   * @default 30_000
   */
  readonly timeout?: number;
  /**
   * Automatic retries of GET requests (network errors, 5xx, 595/596); never for POST/PUT/DELETE,
   * never after a TLS failure.
   * @default { limit: 2, baseDelay: 300, maxDelay: 5_000, maxRetryAfter: 30_000 }
   */
  readonly retry?: RetryOptions;
  /**
   * Most requests in flight at once; the rest queue. pveproxy runs few workers per node.
   * @default 4
   */
  readonly concurrency?: number;
  /** Receives a redacted event per request, response, retry and failure. */
  readonly logger?: ProxmoxLogger;
  /** Cancels every request of this client (combined with each call's own `signal`). */
  readonly signal?: AbortSignal;
  /**
   * The fetch implementation, for tests. Default: the global `fetch`, looked up at call time
   * (so msw's interception works). The TLS dispatcher is passed to it as `init.dispatcher`.
   */
  readonly fetch?: typeof globalThis.fetch;
}
