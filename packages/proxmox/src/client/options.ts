import type { TLSOptions } from '../tls/tls-options.js';
import type { ProxmoxLogger } from '../transport/log-event.js';
import type { RetryOptions } from '../transport/retry-options.js';

/** The default of {@link ProxmoxClientOptions.maxResponseBytes}: 32 MiB. */
export const defaultMaxResponseBytes = 33_554_432;

/** An API token: `USER@REALM!TOKENID` and its secret (shown once by `pveum user token add`). */
export interface ProxmoxToken {
  /**
   * The full token id, e.g. `felhom@pve!agent`: PVE's grammar (see `isTokenId`), printable
   * ASCII only, so it travels in the header as is.
   */
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
   * How the host's certificate is verified: a pinned SHA-256 `fingerprint` or a `ca`. The
   * client verifies on its own connections in every mode, whatever `NODE_TLS_REJECT_UNAUTHORIZED`
   * says.
   * @default the system CA store
   */
  readonly tls?: TLSOptions;
  /**
   * Per-attempt request timeout in ms: one deadline for connecting, the TLS handshake, the
   * response headers and the whole body, of a success or an error answer alike.
   * @default 30_000
   */
  readonly timeout?: number;
  /**
   * The largest response body the client reads, in bytes; a larger one fails with
   * `ResponseTooLargeError` (not retried) without being buffered. The default is far above any
   * real answer (a 10 000-guest `/cluster/resources` is about 3 MiB).
   * @default 33_554_432 (32 MiB)
   */
  readonly maxResponseBytes?: number;
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
   * (so msw's interception works). It is called by ky with the `Request` to send and, as the
   * second argument, the client's TLS dispatcher as `init.dispatcher`.
   */
  readonly fetch?: typeof globalThis.fetch;
}
