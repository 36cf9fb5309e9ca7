/** Thrown by {@link readBody} when the body exceeds its limit; the transport maps it to a typed error. */
export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`the response body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

import type { StopWatch } from './attempt-deadline.js';

/**
 * Reads a response body as UTF-8 text, at most `limit` bytes, until `deadline` stops.
 *
 * A `Content-Length` above the limit fails before any byte is read; otherwise bytes are
 * counted as they arrive and reading stops at the first chunk past the limit, so a hostile host
 * cannot make the client buffer more than `limit` plus one chunk. When the deadline stops the
 * reader is cancelled (which ends the read for every fetch implementation, including mocked
 * responses that ignore the request) and the deadline's reason is thrown.
 *
 * @throws {BodyTooLargeError} past the limit; the deadline's reason; the stream's error.
 */
export async function readBody(response: Response, limit: number, deadline: StopWatch): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > limit) {
    body.cancel().catch(ignore);
    throw new BodyTooLargeError(limit);
  }
  if (deadline.stopReason) throw deadline.stopReason;
  const reader = body.getReader();
  const stop = (): void => {
    reader.cancel().catch(ignore);
  };
  deadline.onStop(stop);
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
    deadline.onStop(undefined);
  }
  // A cancelled reader ends like a finished one; the deadline tells the two apart.
  if (deadline.stopReason) throw deadline.stopReason;
  return chunks.length === 1
    ? Buffer.from((chunks[0] as Uint8Array).buffer, (chunks[0] as Uint8Array).byteOffset, length).toString(
        'utf8',
      )
    : Buffer.concat(chunks, length).toString('utf8');
}

function ignore(): void {
  // Cancelling an already errored or finished stream rejects; the outcome is reported elsewhere.
}
