/** Automatic retries of GET requests. POST, PUT and DELETE are never retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt; `0` turns retries off.
   * @default 2
   */
  readonly limit?: number;
  /**
   * The delay before the first retry in ms; it doubles on each further retry. A random
   * jitter picks the actual delay between half and all of it.
   * @default 300
   */
  readonly baseDelay?: number;
  /**
   * The longest delay between two attempts in ms.
   * @default 5_000
   */
  readonly maxDelay?: number;
  /**
   * The longest `Retry-After` the client waits for in ms; a longer one is cut to this.
   * @default 30_000
   */
  readonly maxRetryAfter?: number;
}

/** {@link RetryOptions} with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const retryDefaults: ResolvedRetryOptions = {
  limit: 2,
  baseDelay: 300,
  maxDelay: 5_000,
  maxRetryAfter: 30_000,
};
