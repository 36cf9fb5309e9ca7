import type { RetryOptions as KyRetryOptions } from 'ky';
import { reasonFromStatus } from '../errors/reason-from-status.js';
import { isTLSFailure } from './failure.js';
import { readHostError } from './host-error.js';
import { isKyHTTPError } from './ky-errors.js';
import type { ResolvedRetryOptions } from './retry-options.js';

// 5xx a retry can cure: gateway/overload, and pveproxy failing to reach the proxied node.
// 501 (not implemented) is permanent. 429 is not a PVE status but costs nothing to honour.
const retryableStatuses = [429, 500, 502, 503, 504, 595, 596, 599];

/**
 * ky's retry settings for this client: GET only (never a create, never a PUT/DELETE), capped
 * exponential backoff with jitter, `Retry-After` honoured (up to `maxRetryAfter`).
 */
export function kyRetryOptions(retry: ResolvedRetryOptions): KyRetryOptions {
  return {
    limit: retry.limit,
    methods: ['get'],
    statusCodes: retryableStatuses,
    // ky reads Retry-After only for these; listing every retryable status honours it everywhere.
    afterStatusCodes: retryableStatuses,
    maxRetryAfter: retry.maxRetryAfter,
    backoffLimit: retry.maxDelay,
    delay: (attempt) => retry.baseDelay * 2 ** (attempt - 1),
    // "Equal jitter": half the delay fixed, half random, so retries spread but never bunch at 0.
    jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
    retryOnTimeout: false,
    shouldRetry,
  };
}

// Returning `undefined` hands over to ky's default rules (status list, Retry-After).
async function shouldRetry({ error }: { error: Error }): Promise<boolean | undefined> {
  if (isKyHTTPError(error)) {
    const said = await readHostError(error.response);
    const reason = reasonFromStatus(error.response.status, said.message);
    // A 500 "does not exist" or a digest conflict will say the same thing again.
    return reason === 'server' || reason === 'node-unreachable' || error.response.status === 429
      ? undefined
      : false;
  }
  // A pin mismatch or an untrusted certificate will not change on a second try.
  if (isTLSFailure(error)) return false;
  // The caller gave up: retrying would ignore them.
  if (error.name === 'AbortError') return false;
  return undefined;
}
