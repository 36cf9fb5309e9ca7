import type { KyInstance, Options as KyOptions } from 'ky';
import type { Dispatcher } from 'undici';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { encodeParameters, type RequestParameters } from './encoding.js';
import { toProxmoxError } from './failure.js';
import { InFlightLimit } from './in-flight-limit.js';
import { loadKy } from './ky-module.js';
import type { ProxmoxLogEvent, ProxmoxLogger } from './log-event.js';
import { BodyReadError, readBody } from './read-body.js';
import { type ProxmoxResponse, unwrapEnvelope } from './response.js';
import type { ResolvedRetryOptions } from './retry-options.js';
import { kyRetryOptions } from './retry-policy.js';

/** The HTTP methods the Proxmox API uses. */
export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Per-call options of {@link ProxmoxClient.request} (passed on to the transport under it). */
export interface RequestOptions {
  /** Query parameters; booleans are sent as `1`/`0`, `undefined` values are left out. */
  readonly query?: RequestParameters;
  /** Form body of a POST/PUT (`application/x-www-form-urlencoded`), encoded like `query`. */
  readonly body?: RequestParameters;
  /** Cancels this call (combined with the client's `signal`). */
  readonly signal?: AbortSignal;
  /** This call's per-attempt timeout in ms, instead of the client's. */
  readonly timeout?: number;
}

/** Everything the transport needs, resolved and validated by the client. */
export interface TransportSettings {
  /** `https://host:port/api2/json`, no trailing slash. */
  readonly apiBase: string;
  readonly tokenId: string;
  /** The full header value; kept only inside the ky instance. */
  readonly authorization: string;
  readonly timeout: number;
  readonly retry: ResolvedRetryOptions;
  readonly concurrency: number;
  readonly logger: ProxmoxLogger | undefined;
  readonly signal: AbortSignal | undefined;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly dispatcher: Dispatcher | undefined;
}

const methods = new Set<string>(['GET', 'POST', 'PUT', 'DELETE']);

// `.`/`..` segments (also percent-encoded: the URL parser decodes them) would let a crafted
// segment walk out of the intended path.
const dotSegment = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
const badPathCharacter = /[?#\s]/;

/**
 * The HTTP layer: one ky instance per client carrying the token header, the in-flight cap, the
 * per-attempt timeout, GET-only retries, envelope unwrapping, typed errors and log events.
 * @internal
 */
export class Transport {
  readonly #settings: TransportSettings;
  readonly #kyOptions: KyOptions;
  #ky: KyInstance | undefined;
  readonly #limit: InFlightLimit;
  readonly #redactedAuthorization: string;
  #requestCount = 0;

  constructor(settings: TransportSettings) {
    this.#settings = settings;
    this.#limit = new InFlightLimit(settings.concurrency);
    this.#redactedAuthorization = `PVEAPIToken=${settings.tokenId}=[REDACTED]`;
    const { dispatcher } = settings;
    const injected = settings.fetch;
    this.#kyOptions = {
      headers: { authorization: settings.authorization, accept: 'application/json' },
      retry: kyRetryOptions(settings.retry),
      throwHttpErrors: true,
      // PVE never redirects API calls; following one could carry the token to another host.
      redirect: 'error',
      // The global fetch is looked up at call time so msw (installed later) still intercepts.
      // The undici v7 dispatcher is not in @types/node's RequestInit: cast through unknown.
      fetch: (input, init) => {
        const run = injected ?? globalThis.fetch;
        return run(input, dispatcher ? ({ ...init, dispatcher } as unknown as RequestInit) : init);
      },
    };
  }

  // ky is loaded on the first request, not at import (see ky-module.ts).
  #client(): KyInstance {
    this.#ky ??= loadKy().create(this.#kyOptions);
    return this.#ky;
  }

  /** Sends one API call; see `ProxmoxClient.request`. */
  async request<T>(
    method: HTTPMethod,
    path: string,
    options: RequestOptions = {},
  ): Promise<ProxmoxResponse<T>> {
    if (!methods.has(method)) {
      throw new InvalidArgumentError('method', method, "'GET', 'POST', 'PUT' or 'DELETE'");
    }
    checkPath(path);
    const timeout = options.timeout ?? this.#settings.timeout;
    if (!Number.isInteger(timeout) || timeout <= 0 || timeout > 2_147_483_647) {
      throw new InvalidArgumentError('options.timeout', timeout, 'a positive integer of milliseconds');
    }
    const query = options.query ? encodeParameters(options.query, 'options.query').toString() : '';
    const url = `${this.#settings.apiBase}${path}${query === '' ? '' : `?${query}`}`;
    const body = options.body ? encodeParameters(options.body, 'options.body') : undefined;
    const requestId = ++this.#requestCount;
    const logger = this.#settings.logger;
    const callerSignal = combine(this.#settings.signal, options.signal);
    const started = performance.now();
    let release: (() => void) | undefined;
    try {
      release = await this.#limit.acquire(callerSignal);
      const client = this.#client();
      const response = await client(url, {
        method,
        timeout,
        ...(callerSignal ? { signal: callerSignal } : {}),
        ...(body ? { body } : {}),
        ...(logger ? { hooks: this.#hooks(logger, requestId) } : {}),
        ...(logger ? { fetch: this.#loggingFetch(logger, requestId, method) } : {}),
      });
      const text = await readBody(response, timeout, callerSignal);
      return unwrapEnvelope<T>(text, `${method} ${path}`);
    } catch (error) {
      const bodyTimedOut = error instanceof BodyReadError && error.failure === 'timeout';
      const failure = await toProxmoxError(error, {
        method,
        path,
        timeout,
        signal: callerSignal,
        bodyTimedOut,
      });
      if (logger) {
        emit(logger, {
          type: 'error',
          requestId,
          method,
          url,
          reason: failure.reason,
          error: failure.message,
          durationMs: performance.now() - started,
        });
      }
      throw failure;
    } finally {
      release?.();
    }
  }

  #hooks(logger: ProxmoxLogger, requestId: number) {
    return {
      beforeRetry: [
        ({ request, error, retryCount }: { request: Request; error: Error; retryCount: number }) => {
          emit(logger, {
            type: 'retry',
            requestId,
            attempt: retryCount + 1,
            method: request.method,
            url: request.url,
            // ky's messages name method and URL only; the header is never part of them.
            error: error.message,
          });
        },
      ],
    };
  }

  // Wraps the client's fetch to report each attempt; only installed when a logger is set.
  #loggingFetch(logger: ProxmoxLogger, requestId: number, method: string): typeof globalThis.fetch {
    let attempt = 0;
    const { dispatcher } = this.#settings;
    const injected = this.#settings.fetch;
    const authorization = this.#redactedAuthorization;
    return async (input, init) => {
      attempt++;
      const url = input instanceof Request ? input.url : String(input);
      emit(logger, { type: 'request', requestId, attempt, method, url, authorization });
      const sent = performance.now();
      const run = injected ?? globalThis.fetch;
      const response = await run(
        input,
        dispatcher ? ({ ...init, dispatcher } as unknown as RequestInit) : init,
      );
      emit(logger, {
        type: 'response',
        requestId,
        attempt,
        method,
        url,
        status: response.status,
        durationMs: performance.now() - sent,
      });
      return response;
    };
  }
}

function checkPath(path: string): void {
  if (
    typeof path !== 'string' ||
    !path.startsWith('/') ||
    badPathCharacter.test(path) ||
    dotSegment.test(path)
  ) {
    throw new InvalidArgumentError(
      'path',
      path,
      "an API path starting with '/', with encoded segments, no '.'/'..' segments and no query (use options.query)",
    );
  }
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}

function emit(logger: ProxmoxLogger, event: ProxmoxLogEvent): void {
  try {
    logger(event);
  } catch {
    // A broken logger must not break the call it reports on.
  }
}
