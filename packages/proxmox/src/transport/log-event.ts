/**
 * What the `logger` hook receives. Events never carry the token secret: the `Authorization`
 * header is reported as `PVEAPIToken=<token id>=[REDACTED]`, bodies are not included.
 */
export type ProxmoxLogEvent =
  | {
      readonly type: 'request';
      /** Counts requests of this client from 1; the same for every attempt of one call. */
      readonly requestId: number;
      /** 1 for the first attempt, 2 for the first retry, … */
      readonly attempt: number;
      readonly method: string;
      /** The full URL including the query string. */
      readonly url: string;
      /** The `Authorization` header with the secret replaced by `[REDACTED]`. */
      readonly authorization: string;
    }
  | {
      readonly type: 'response';
      readonly requestId: number;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly status: number;
      /** Milliseconds from sending to the response headers. */
      readonly durationMs: number;
    }
  | {
      readonly type: 'retry';
      readonly requestId: number;
      /** The attempt about to be made. */
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      /** Why the previous attempt failed (the error's message; never a secret). */
      readonly error: string;
    }
  | {
      readonly type: 'warning';
      /** What the warning is about, stable for filtering. */
      readonly code: 'tls-verification-disabled-in-environment';
      /** The warning, in a sentence. */
      readonly message: string;
    }
  | {
      readonly type: 'error';
      readonly requestId: number;
      readonly method: string;
      readonly url: string;
      /** The typed error's `reason`. */
      readonly reason: string;
      /** The typed error's message. */
      readonly error: string;
      /** Milliseconds from the first attempt to the failure. */
      readonly durationMs: number;
    };

/** The `logger` option: called synchronously; an exception it throws is swallowed. */
export type ProxmoxLogger = (event: ProxmoxLogEvent) => void;

/** Calls the logger; an exception it throws is swallowed, so a broken logger cannot break a call. */
export function emit(logger: ProxmoxLogger, event: ProxmoxLogEvent): void {
  try {
    logger(event);
  } catch {
    // A broken logger must not break the call it reports on.
  }
}
