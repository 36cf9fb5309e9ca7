import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { TaskLogLine, TaskStatus } from '../schemas/tasks.js';

/** What `ProxmoxClient.waitTask`'s `onProgress` receives after a poll that brought new log lines. */
export interface TaskProgress {
  /** The lines added since the previous call, oldest first. */
  readonly lines: readonly TaskLogLine[];
  /** The status read in the same poll. */
  readonly status: TaskStatus;
}

/** Options of `ProxmoxClient.waitTask`. */
export interface WaitTaskOptions {
  /**
   * Give up after this many ms with a `TaskTimeoutError` (the task keeps running on the host).
   * Every request of the wait (polls, log reads, the final log tail) ends by then.
   * @default 600_000
   */
  readonly timeout?: number;
  /** Stops waiting at once with an `AbortedError` (the task keeps running on the host). */
  readonly signal?: AbortSignal;
  /**
   * Receives new log lines as the task writes them. Setting it adds log reads to each poll (at
   * most 10 pages of 500 lines; more arrive with the next poll). An exception it throws ends
   * the wait with that exception.
   */
  readonly onProgress?: (progress: TaskProgress) => void;
  /**
   * The shortest wait between polls in ms. Each wait is 20 % of the time waited so far, at
   * least this and at most `maxDelay`, then lengthened by a random 0–10 % (docs/tasks.md).
   * @default 200
   */
  readonly minDelay?: number;
  /**
   * The longest nominal wait between polls in ms (the random lengthening comes on top).
   * @default 5_000
   */
  readonly maxDelay?: number;
  /**
   * Treat `WARNINGS: N` as a failure (`TaskError`) instead of success.
   * @default false
   */
  readonly failOnWarnings?: boolean;
  /**
   * How many polls in a row may fail transiently (network error, timeout, 5xx, 595/596) before
   * the last error is thrown.
   * @default 5
   */
  readonly maxConsecutiveErrors?: number;
  /**
   * For how long after the wait began the 400 "no such task" counts as "not visible yet" (a
   * task's log file appears a moment after its UPID is returned) rather than an error, in ms.
   * @default 10_000
   */
  readonly unknownTaskGrace?: number;
}

/** {@link WaitTaskOptions} with defaults filled in and checked. */
export type ResolvedWaitOptions = Required<
  Pick<
    WaitTaskOptions,
    'timeout' | 'minDelay' | 'maxDelay' | 'maxConsecutiveErrors' | 'failOnWarnings' | 'unknownTaskGrace'
  >
>;

const maxTimer = 2_147_483_647;

/** Fills the defaults and checks every option, naming the first one that is wrong. */
export function resolveWaitOptions(options: WaitTaskOptions): ResolvedWaitOptions {
  const settings = {
    timeout: options.timeout ?? 600_000,
    minDelay: options.minDelay ?? 200,
    maxDelay: options.maxDelay ?? 5_000,
    maxConsecutiveErrors: options.maxConsecutiveErrors ?? 5,
    failOnWarnings: options.failOnWarnings ?? false,
    unknownTaskGrace: options.unknownTaskGrace ?? 10_000,
  };
  for (const key of ['timeout', 'minDelay', 'maxDelay'] as const) {
    const value = settings[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maxTimer) {
      throw new InvalidArgumentError(`options.${key}`, value, 'a positive number of milliseconds');
    }
  }
  if (settings.maxDelay < settings.minDelay) {
    throw new InvalidArgumentError(
      'options.maxDelay',
      settings.maxDelay,
      `at least minDelay (${settings.minDelay})`,
    );
  }
  const grace = settings.unknownTaskGrace;
  if (typeof grace !== 'number' || !Number.isFinite(grace) || grace < 0 || grace > maxTimer) {
    throw new InvalidArgumentError(
      'options.unknownTaskGrace',
      grace,
      'a non-negative number of milliseconds',
    );
  }
  if (!Number.isInteger(settings.maxConsecutiveErrors) || settings.maxConsecutiveErrors < 0) {
    throw new InvalidArgumentError(
      'options.maxConsecutiveErrors',
      settings.maxConsecutiveErrors,
      'a non-negative integer',
    );
  }
  if (typeof settings.failOnWarnings !== 'boolean') {
    throw new InvalidArgumentError('options.failOnWarnings', settings.failOnWarnings, 'true or false');
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new InvalidArgumentError('options.signal', options.signal, 'an AbortSignal');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new InvalidArgumentError('options.onProgress', options.onProgress, 'a function');
  }
  return settings;
}
