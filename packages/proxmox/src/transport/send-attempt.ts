import { APIError } from '../errors/api-error.js';
import type { ProxmoxError } from '../errors/proxmox-error.js';
import { AttemptDeadline } from './attempt-deadline.js';
import { DeadlineDispatcher, type DispatchTarget } from './deadline-dispatcher.js';
import { toProxmoxError } from './failure.js';
import { parseHostError } from './host-error.js';
import { loadKy } from './ky-module.js';
import { emit, type ProxmoxLogger } from './log-event.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import type { Redactor } from './redactor.js';

/** An error body is a sentence or two; a larger one is ignored in favour of the reason phrase. */
const maxErrorBodyBytes = 65_536;

/** One HTTP request, fully described. */
export interface AttemptRequest {
  readonly method: string;
  /** The API path below `/api2/json`, without the query. */
  readonly path: string;
  /** `METHOD /path` for errors and logs. */
  readonly endpoint: string;
  readonly url: string;
  /** The fetch options; the attempt adds its dispatcher (and signal) to them (fetch copies them at once). */
  readonly init: RequestInit;
  /** The client's agent; the request is aborted through it at the deadline. */
  readonly agent: DispatchTarget | undefined;
  /** Give fetch the deadline's signal too: for an injected fetch, which may ignore the dispatcher. */
  readonly passSignal: boolean;
  readonly timeout: number;
  /** The response size limit in bytes. */
  readonly limit: number;
  /** The client's and the call's signals, none aborted yet. */
  readonly callers: readonly AbortSignal[];
  readonly fetch: typeof globalThis.fetch;
  readonly redactor: Redactor;
  /** Set when a logger listens: the request id and this attempt's number. */
  readonly log?: {
    readonly logger: ProxmoxLogger;
    readonly requestId: number;
    readonly attempt: number;
    readonly authorization: string;
  };
}

/** What one attempt produced: the body text, or a typed error (with `Retry-After` for an HTTP error). */
export type AttemptResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: ProxmoxError; readonly retryAfter?: string | null };

/**
 * Sends one attempt under one deadline that covers connecting, the headers and the whole body,
 * of a success and of an error response alike. Never throws: every failure comes back typed.
 */
export async function sendAttempt(request: AttemptRequest): Promise<AttemptResult> {
  const { endpoint, timeout, limit, redactor, log } = request;
  const deadline = new AttemptDeadline(timeout, request.callers);
  const context = { endpoint, timeout, limit, deadline, redactor };
  try {
    if (deadline.stopReason) throw deadline.stopReason;
    if (log) {
      const { logger, requestId, attempt, authorization } = log;
      emit(logger, {
        type: 'request',
        requestId,
        attempt,
        method: request.method,
        url: request.url,
        authorization,
      });
    }
    const sent = log ? performance.now() : 0;
    const init = request.init;
    if (request.agent) Object.assign(init, { dispatcher: new DeadlineDispatcher(request.agent, deadline) });
    if (request.passSignal) init.signal = deadline.signal;
    // ky sends the request (one attempt: the retries, the deadline and the error mapping are the
    // transport's, since they depend on what failed and when); the dispatcher and the rest of
    // the fetch options pass through it to fetch.
    const response = await deadline.race(
      loadKy()(request.url, {
        ...init,
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        fetch: request.fetch,
      }),
    );
    if (log) {
      emit(log.logger, {
        type: 'response',
        requestId: log.requestId,
        attempt: log.attempt,
        method: request.method,
        url: request.url,
        status: response.status,
        durationMs: performance.now() - sent,
      });
    }
    if (response.ok) return { ok: true, text: await readBody(response, limit, deadline) };
    return {
      ok: false,
      error: await hostError(response, request, deadline),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    return { ok: false, error: toProxmoxError(error, context) };
  } finally {
    deadline.dispose();
  }
}

async function hostError(
  response: Response,
  request: AttemptRequest,
  deadline: AttemptDeadline,
): Promise<APIError> {
  let text: string | undefined;
  try {
    text = await readBody(response, Math.min(request.limit, maxErrorBodyBytes), deadline);
  } catch (error) {
    // An oversized error body says nothing useful: fall back to the reason phrase. A stall or
    // an abort is the attempt's failure, reported as such.
    if (!(error instanceof BodyTooLargeError)) throw error;
  }
  const said = parseHostError(text, response.statusText);
  const scrub = (value: string) => request.redactor.scrub(value);
  return new APIError({
    status: response.status,
    method: request.method,
    path: request.path,
    hostMessage: scrub(said.message),
    ...(said.errors
      ? { errors: Object.fromEntries(Object.entries(said.errors).map(([key, value]) => [key, scrub(value)])) }
      : {}),
  });
}
