import { AbortedError } from '../errors/aborted-error.js';
import { APIError } from '../errors/api-error.js';
import { NetworkError } from '../errors/network-error.js';
import { isProxmoxError, type ProxmoxError } from '../errors/proxmox-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { TLSError } from '../errors/tls-error.js';
import { TLSPinError } from '../errors/tls-pin-error.js';
import { readHostError } from './host-error.js';
import { isKyHTTPError, isKyTimeoutError } from './ky-errors.js';

/** The request a failure belongs to. */
export interface FailureContext {
  readonly method: string;
  /** The API path below `/api2/json`, without the query. */
  readonly path: string;
  /** The per-attempt timeout in ms, for the message. */
  readonly timeout: number;
  /** The caller's signal (client + call), to tell an abort from a timeout. */
  readonly signal: AbortSignal | undefined;
  /** Set when our own body-read timer fired. */
  readonly bodyTimedOut: boolean;
}

// Node/OpenSSL certificate and handshake failures (as opposed to connection failures).
const tlsCode = /^(?:ERR_SSL_|ERR_TLS_)|CERT|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY)|HOSTNAME_MISMATCH/;

/**
 * Turns whatever ky/fetch threw into this package's typed errors. fetch reports every
 * connection problem as `TypeError: fetch failed` with the real reason in `cause`, so the cause
 * chain is searched. ky's own errors are never kept as `cause`: they hold the `Request`, and
 * with it the `Authorization` header.
 */
export async function toProxmoxError(error: unknown, context: FailureContext): Promise<ProxmoxError> {
  const endpoint = `${context.method} ${context.path}`;
  if (isProxmoxError(error)) return error;
  if (isKyHTTPError(error)) {
    const said = await readHostError(error.response);
    return new APIError({
      status: error.response.status,
      method: context.method,
      path: context.path,
      hostMessage: said.message,
      ...(said.errors ? { errors: said.errors } : {}),
    });
  }
  if (context.signal?.aborted) return new AbortedError(endpoint, context.signal.reason);
  if (isKyTimeoutError(error) || context.bodyTimedOut) {
    return new TimeoutError({ endpoint, timeout: context.timeout });
  }
  const pin = findCause(error, (cause) => cause instanceof TLSPinError);
  if (pin) return pin as TLSPinError;
  const tls = findCause(error, (cause) => tlsCode.test(codeOf(cause) ?? ''));
  if (tls) {
    return new TLSError({ code: codeOf(tls) ?? 'TLS', endpoint, detail: messageOf(tls) }, { cause: tls });
  }
  const root = deepestCause(error);
  const code = codeOf(root);
  return new NetworkError(
    { endpoint, detail: messageOf(root), ...(code ? { code } : {}) },
    { cause: root === error ? sanitize(error) : root },
  );
}

/** True when a retry may help: not a pin mismatch, not a certificate problem. */
export function isTLSFailure(error: unknown): boolean {
  return (
    findCause(error, (cause) => cause instanceof TLSPinError || tlsCode.test(codeOf(cause) ?? '')) !==
    undefined
  );
}

function findCause(error: unknown, test: (cause: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (test(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function deepestCause(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 8; depth++) {
    const next = (current as { cause?: unknown } | null | undefined)?.cause;
    if (next === undefined || next === null) return current;
    current = next;
  }
  return current;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// A bare `TypeError: Failed to fetch` (e.g. msw's network error) has nothing secret, but keep
// only name and message in case an unknown error type carries request data.
function sanitize(error: unknown): Error {
  const clean = new Error(messageOf(error));
  clean.name = error instanceof Error ? error.name : 'Error';
  return clean;
}
