import { AbortedError } from '../errors/aborted-error.js';
import { NetworkError } from '../errors/network-error.js';
import { isProxmoxError, type ProxmoxError } from '../errors/proxmox-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { TLSError } from '../errors/tls-error.js';
import { TLSPinError } from '../errors/tls-pin-error.js';
import type { AttemptDeadline } from './attempt-deadline.js';
import { BodyTooLargeError } from './read-body.js';
import type { Redactor } from './redactor.js';
import { isTLSCode } from './tls-codes.js';

/** The request a failure belongs to. */
export interface FailureContext {
  /** `METHOD /path`, without the query. */
  readonly endpoint: string;
  /** The per-attempt timeout in ms, for the message. */
  readonly timeout: number;
  /** The response size limit in bytes, for the message. */
  readonly limit: number;
  /** The attempt's deadline: tells a timeout and a caller's abort from other failures. */
  readonly deadline: AttemptDeadline;
  readonly redactor: Redactor;
}

/**
 * Turns whatever fetch or the body read threw into this package's typed errors. fetch reports
 * every connection problem as `TypeError: fetch failed` with the real reason in `cause`, so
 * the cause chain is searched. Nothing from the original is kept but a scrubbed copy of its
 * name, message and code (see {@link Redactor}).
 */
export function toProxmoxError(error: unknown, context: FailureContext): ProxmoxError {
  const { endpoint, deadline, redactor } = context;
  if (deadline.stop === 'caller') return new AbortedError(endpoint, deadline.callerReason);
  if (deadline.stop === 'timeout') return new TimeoutError({ endpoint, timeout: context.timeout });
  if (isProxmoxError(error)) return error;
  if (error instanceof BodyTooLargeError)
    return new ResponseTooLargeError({ endpoint, limit: context.limit });
  const pin = findCause(error, (cause) => cause instanceof TLSPinError);
  if (pin) return pin as TLSPinError;
  const tls = findCause(error, (cause) => isTLSCode(codeOf(cause)));
  if (tls) {
    return new TLSError(
      { code: codeOf(tls) ?? 'TLS', endpoint, detail: redactor.scrub(messageOf(tls)) },
      { cause: redactor.copy(tls) },
    );
  }
  const root = deepestCause(error);
  const code = codeOf(root);
  return new NetworkError(
    { endpoint, detail: redactor.scrub(messageOf(root)), ...(code ? { code } : {}) },
    { cause: redactor.copy(root) },
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
