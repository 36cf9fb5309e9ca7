/** Thrown by {@link readBody} when the body exceeds its limit; the transport maps it to a typed error. */
export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`the response body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a response body as UTF-8 text, at most `limit` bytes, until `signal` fires.
 *
 * A `Content-Length` above the limit fails before any byte is read; otherwise bytes are
 * counted as they arrive and reading stops at the first chunk past the limit, so a hostile host
 * cannot make the client buffer more than `limit` plus one chunk. When `signal` fires the
 * reader is cancelled (which ends the read for every fetch implementation, including mocked
 * responses that ignore the request's signal) and the signal's reason is thrown.
 *
 * @throws {BodyTooLargeError} past the limit; the signal's reason on abort; the stream's error.
 */
export async function readBody(response: Response, limit: number, signal: AbortSignal): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > limit) {
    body.cancel().catch(ignore);
    throw new BodyTooLargeError(limit);
  }
  signal.throwIfAborted();
  const reader = body.getReader();
  const stop = (): void => {
    reader.cancel().catch(ignore);
  };
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > limit) {
        stop();
        throw new BodyTooLargeError(limit);
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  // A cancelled reader ends like a finished one; the signal tells the two apart.
  signal.throwIfAborted();
  return chunks.length === 1
    ? Buffer.from((chunks[0] as Uint8Array).buffer, (chunks[0] as Uint8Array).byteOffset, length).toString(
        'utf8',
      )
    : Buffer.concat(chunks, length).toString('utf8');
}

function ignore(): void {
  // Cancelling an already errored or finished stream rejects; the outcome is reported elsewhere.
}
