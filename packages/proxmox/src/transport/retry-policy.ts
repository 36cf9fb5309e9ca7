import { APIError } from '../errors/api-error.js';
import type { ProxmoxError } from '../errors/proxmox-error.js';
import type { ResolvedRetryOptions } from './retry-options.js';

// 5xx a retry can cure: gateway/overload, and pveproxy failing to reach the proxied node.
// 501 (not implemented) is permanent. 429 is not a PVE status but costs nothing to honour.
const retryableStatuses = new Set([429, 500, 502, 503, 504, 595, 596, 599]);

/**
 * How long to wait before retrying a failed GET, or `undefined` for "do not retry".
 *
 * Retried: network errors (never a TLS failure: a pin mismatch or an untrusted certificate will
 * not change), and the statuses above when their text has no definite meaning (a 500 "does
 * not exist" or a digest conflict would say the same again). Never retried: a timeout, an
 * abort, a too-large or malformed response, any other status, and every POST/PUT/DELETE.
 *
 * The delay is `baseDelay · 2^(retry-1)` with "equal jitter" (half fixed, half random, so
 * retries spread but never bunch at 0), capped at `maxDelay`; a `Retry-After` header (seconds
 * or an HTTP date) replaces it, capped at `maxRetryAfter`.
 *
 * @param retry 1 for the first retry.
 */
export function retryDelay(
  method: string,
  error: ProxmoxError,
  retryAfter: string | null | undefined,
  retry: number,
  options: ResolvedRetryOptions,
): number | undefined {
  if (method !== 'GET' || retry > options.limit) return undefined;
  if (error instanceof APIError) {
    if (!retryableStatuses.has(error.status)) return undefined;
    if (error.reason !== 'server' && error.reason !== 'node-unreachable' && error.status !== 429) {
      return undefined;
    }
    const after = retryAfterMs(retryAfter);
    if (after !== undefined) return Math.min(after, options.maxRetryAfter);
  } else if (error.reason !== 'network') {
    return undefined;
  }
  const delay = options.baseDelay * 2 ** (retry - 1);
  return Math.min(options.maxDelay, delay / 2 + (Math.random() * delay) / 2);
}

function retryAfterMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
