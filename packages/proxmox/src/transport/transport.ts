import { AbortedError } from '../errors/aborted-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { ProxmoxError } from '../errors/proxmox-error.js';
import type { DispatchTarget } from './deadline-dispatcher.js';
import { encodeParameters, type RequestParameters } from './encoding.js';
import { InFlightLimit } from './in-flight-limit.js';
import { emit, type ProxmoxLogger } from './log-event.js';
import { Redactor } from './redactor.js';
import { type ProxmoxResponse, unwrapEnvelope } from './response.js';
import type { ResolvedRetryOptions } from './retry-options.js';
import { retryDelay } from './retry-policy.js';
import { type AttemptRequest, sendAttempt } from './send-attempt.js';
import { sleepUnlessAborted } from './sleep.js';
import { redactedTokenAuthorization, tokenAuthorization } from './token-header.js';

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
  /**
   * This call's per-attempt timeout in ms, instead of the client's: one deadline for
   * connecting, the headers and the whole body.
   */
  readonly timeout?: number;
}

/** Everything the transport needs, resolved and validated by the client. */
export interface TransportSettings {
  /** `https://host:port/api2/json`, no trailing slash. */
  readonly apiBase: string;
  readonly tokenId: string;
  /** The token secret; kept only in private fields of the transport. */
  readonly secret: string;
  readonly timeout: number;
  /** The response size limit in bytes. */
  readonly maxResponseBytes: number;
  readonly retry: ResolvedRetryOptions;
  readonly concurrency: number;
  readonly logger: ProxmoxLogger | undefined;
  readonly signal: AbortSignal | undefined;
  readonly fetch: typeof globalThis.fetch | undefined;
  /** The client's undici Agent: every request goes through it, aborted there at its deadline. */
  readonly dispatcher: DispatchTarget | undefined;
}

const methods = new Set<string>(['GET', 'POST', 'PUT', 'DELETE']);

// `.`/`..` segments (also percent-encoded: the URL parser decodes them) would let a crafted
// segment walk out of the intended path.
const dotSegment = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
const badPathCharacter = /[?#\s]/;

/**
 * The HTTP layer, on ky (one attempt each) and `fetch`: the token header, the in-flight cap, one deadline per
 * attempt (connect, headers and whole body), a response size limit, GET-only retries,
 * envelope unwrapping, typed errors and log events.
 * @internal
 */
export class Transport {
  readonly #settings: TransportSettings;
  readonly #limit: InFlightLimit;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #redactor: Redactor;
  readonly #redactedAuthorization: string;
  #requestCount = 0;
  #closed = false;

  constructor(settings: TransportSettings) {
    this.#settings = settings;
    this.#limit = new InFlightLimit(settings.concurrency);
    this.#headers = {
      authorization: tokenAuthorization(settings.tokenId, settings.secret),
      accept: 'application/json',
    };
    this.#redactor = new Redactor(settings.secret);
    this.#redactedAuthorization = redactedTokenAuthorization(settings.tokenId);
  }

  /** Refuses every later request (the client closed its connections). */
  close(): void {
    this.#closed = true;
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
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw new InvalidArgumentError('options.signal', options.signal, 'an AbortSignal');
    }
    const query = options.query ? encodeParameters(options.query, 'options.query').toString() : '';
    const body = options.body ? encodeParameters(options.body, 'options.body') : undefined;
    const endpoint = `${method} ${path}`;
    if (this.#closed) throw new AbortedError(endpoint, new Error('the client was closed'));
    const url = `${this.#settings.apiBase}${path}${query === '' ? '' : `?${query}`}`;
    const callers = signalsOf(this.#settings.signal, options.signal);
    const requestId = ++this.#requestCount;
    const logger = this.#settings.logger;
    const started = logger ? performance.now() : 0;
    const failed = (error: ProxmoxError): ProxmoxError => {
      if (logger) {
        emit(logger, {
          type: 'error',
          requestId,
          method,
          url,
          reason: error.reason,
          error: error.message,
          durationMs: performance.now() - started,
        });
      }
      return error;
    };

    for (const signal of callers) {
      if (signal.aborted) throw failed(new AbortedError(endpoint, signal.reason));
    }
    // A free slot is taken without an await: most calls never queue.
    let release = this.#limit.tryAcquire();
    if (!release) {
      try {
        release = await this.#limit.acquire(callers);
      } catch (reason) {
        throw failed(new AbortedError(endpoint, reason));
      }
    }
    try {
      const request: AttemptRequest = {
        method,
        path,
        endpoint,
        url,
        init: this.#init(method, body),
        timeout,
        limit: this.#settings.maxResponseBytes,
        callers,
        agent: this.#settings.dispatcher,
        passSignal: this.#settings.fetch !== undefined,
        fetch: this.#settings.fetch ?? globalThis.fetch,
        redactor: this.#redactor,
      };
      for (let attempt = 1; ; attempt++) {
        // Each attempt gets fresh fetch options: it adds its own dispatcher to them.
        const init = attempt === 1 ? request.init : this.#init(method, body);
        const attemptRequest = attempt === 1 ? request : { ...request, init };
        const result = await sendAttempt(
          logger
            ? {
                ...attemptRequest,
                log: { logger, requestId, attempt, authorization: this.#redactedAuthorization },
              }
            : attemptRequest,
        );
        if (result.ok) {
          try {
            return unwrapEnvelope<T>(result.text, endpoint);
          } catch (error) {
            throw failed(error as ProxmoxError);
          }
        }
        const wait = retryDelay(method, result.error, result.retryAfter, attempt, this.#settings.retry);
        if (wait === undefined) throw failed(result.error);
        if (logger) {
          emit(logger, {
            type: 'retry',
            requestId,
            attempt: attempt + 1,
            method,
            url,
            error: result.error.message,
          });
        }
        const aborted = await sleepUnlessAborted(wait, callers);
        if (aborted) throw failed(new AbortedError(endpoint, aborted.reason));
      }
    } finally {
      release();
    }
  }

  #init(method: HTTPMethod, body: URLSearchParams | undefined): RequestInit {
    const init: RequestInit = {
      method,
      headers: this.#headers,
      // PVE never redirects API calls; following one could carry the token to another host.
      redirect: 'error',
    };
    if (body) init.body = body;
    return init;
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

const none: readonly AbortSignal[] = [];

function signalsOf(a: AbortSignal | undefined, b: AbortSignal | undefined): readonly AbortSignal[] {
  if (a && b) return [a, b];
  if (a) return [a];
  if (b) return [b];
  return none;
}
