import type { Agent } from 'undici';
import type { APIRequester } from '../tasks/requester.js';
import { createCAAgent } from '../tls/ca-agent.js';
import { insecureEnvironmentWarning } from '../tls/insecure-environment.js';
import { createPinnedAgent } from '../tls/pinned-agent.js';
import { createPlainAgent } from '../tls/plain-agent.js';
import { createSystemAgent } from '../tls/system-agent.js';
import { emit } from '../transport/log-event.js';
import type { ProxmoxResponse } from '../transport/response.js';
import { type HTTPMethod, type RequestOptions, Transport } from '../transport/transport.js';
import { OperationMethods } from './operation-methods.js';
import type { ProxmoxClientOptions } from './options.js';
import { validateOptions } from './validate-options.js';

/**
 * A client for one Proxmox VE host (or cluster entry point), authenticated with an API token.
 *
 * The token secret is held only inside the HTTP layer: it is not a property, not in
 * `util.inspect(client)`, not in `JSON.stringify(client)`, not in any error or log event.
 *
 * @example
 * ```ts
 * const client = new ProxmoxClient({
 *   baseUrl: 'https://pve.example.com:8006',
 *   token: { id: 'felhom@pve!agent', secret: process.env.PVE_TOKEN_SECRET! },
 *   tls: { fingerprint: 'E1:09:…:3D' },
 * });
 * const { data } = await client.request<{ version: string }>('GET', '/version');
 * ```
 *
 * The typed methods (`listLXC`, `snapshot`, `waitTask`, …) are inherited from
 * `OperationMethods`, a class generated from the table of operations in src/operations/.
 */
export class ProxmoxClient extends OperationMethods implements APIRequester {
  /** The host's origin, e.g. `https://pve.example.com:8006`. */
  readonly baseUrl: string;
  /** The token id (never the secret). */
  readonly tokenId: string;
  readonly #transport: Transport;
  readonly #agent: Agent;
  #closing: Promise<void> | undefined;

  /** @throws {InvalidArgumentError} naming the first option that is wrong. */
  constructor(options: ProxmoxClientOptions) {
    super();
    const resolved = validateOptions(options);
    this.baseUrl = resolved.origin;
    this.tokenId = resolved.tokenId;
    const settings = { connections: resolved.concurrency, connectTimeout: resolved.timeout };
    const tls = resolved.tls;
    const https = resolved.origin.startsWith('https:');
    // Every client has its own agent: certificate checks never depend on the process-wide
    // dispatcher or on NODE_TLS_REJECT_UNAUTHORIZED (docs/security.md), and each request is
    // aborted there at its deadline (transport/deadline-dispatcher.ts).
    this.#agent = !https
      ? createPlainAgent(settings)
      : tls === undefined
        ? createSystemAgent(settings)
        : 'fingerprint' in tls
          ? createPinnedAgent(tls.fingerprint, settings)
          : createCAAgent(tls.ca, settings);
    const warning = https ? insecureEnvironmentWarning() : undefined;
    if (warning && options.logger) {
      emit(options.logger, {
        type: 'warning',
        code: 'tls-verification-disabled-in-environment',
        message: warning,
      });
    }
    this.#transport = new Transport({
      apiBase: `${resolved.origin}/api2/json`,
      tokenId: resolved.tokenId,
      secret: resolved.secret,
      timeout: resolved.timeout,
      maxResponseBytes: resolved.maxResponseBytes,
      retry: resolved.retry,
      concurrency: resolved.concurrency,
      logger: options.logger,
      signal: options.signal,
      fetch: options.fetch,
      dispatcher: this.#agent,
    });
  }

  /**
   * Calls any API endpoint: the escape hatch under every typed method. `path` is below
   * `/api2/json` and its segments are already encoded (see `encodePathSegment`). GETs are
   * retried on transient failures; POST/PUT/DELETE never. The envelope is unwrapped; `data` is
   * not validated here.
   *
   * @throws {APIError} for an error status; {@link NetworkError}, {@link TimeoutError},
   *   {@link TLSError}, {@link TLSPinError}, {@link AbortedError}, {@link ResponseShapeError}
   *   (no `{data}` envelope), {@link InvalidArgumentError} (bad path or options).
   */
  override request<T = unknown>(
    method: HTTPMethod,
    path: string,
    options?: RequestOptions,
  ): Promise<ProxmoxResponse<T>> {
    return this.#transport.request<T>(method, path, options);
  }

  /**
   * Closes the client's connections once the requests in flight have ended; later requests
   * fail at once with `AbortedError`. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#transport.close();
    this.#closing ??= this.#agent.close().then(() => undefined);
    return this.#closing;
  }
}
