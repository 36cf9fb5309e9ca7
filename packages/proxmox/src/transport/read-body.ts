/** Why {@link readBody} gave up. */
export type BodyFailure = 'timeout' | 'aborted';

/** Thrown by {@link readBody}; the transport turns it into a typed error. */
export class BodyReadError extends Error {
  readonly failure: BodyFailure;
  constructor(failure: BodyFailure) {
    super(`reading the response body ${failure === 'timeout' ? 'timed out' : 'was aborted'}`);
    this.failure = failure;
  }
}

/**
 * Reads a response body as UTF-8 text within `timeout` ms, or until `signal` fires.
 *
 * ky's timeout ends when the headers arrive; a host that stalls mid-body would otherwise hold the
 * call forever. Cancelling the reader (rather than aborting the request) works for every fetch
 * implementation, including mocked responses that ignore the request's signal, and lets the
 * transport skip an `AbortSignal.any` per call when the caller passed no signal.
 */
export async function readBody(
  response: Response,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  let failure: BodyFailure | undefined;
  const stop = (why: BodyFailure): void => {
    failure ??= why;
    reader.cancel().catch(() => {
      // Cancelling an already errored stream rejects; the failure is reported below.
    });
  };
  const timer = setTimeout(() => stop('timeout'), timeout);
  const onAbort = (): void => stop('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw new BodyReadError(failure);
  return Buffer.concat(chunks, length).toString('utf8');
}
