import { AbortedError } from '../errors/aborted-error.js';

/**
 * Waits `ms` milliseconds, or rejects with {@link AbortedError} as soon as `signal` fires
 * (at once if it already has).
 */
export function abortableSleep(
  ms: number,
  signal: AbortSignal | undefined,
  operation: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError(operation, signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError(operation, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
