import type { HTTPError } from 'ky';

// Type guards for ky's errors that do not import ky: ky is loaded on the first request (see
// Transport), and these run only on errors ky raised, so its `name`s identify them.

/** ky's error for a non-2xx response. */
export function isKyHTTPError(error: unknown): error is HTTPError {
  return error instanceof Error && error.name === 'HTTPError' && 'response' in error;
}

/** ky's error for a request that hit its `timeout`. */
export function isKyTimeoutError(error: unknown): error is Error & { request: Request } {
  return error instanceof Error && error.name === 'TimeoutError' && 'request' in error;
}
