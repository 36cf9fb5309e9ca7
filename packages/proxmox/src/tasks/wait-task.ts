import { AbortedError } from '../errors/aborted-error.js';
import { APIError } from '../errors/api-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { isProxmoxError } from '../errors/proxmox-error.js';
import { TaskError } from '../errors/task-error.js';
import { TaskTimeoutError } from '../errors/task-timeout-error.js';
import type { UPID } from '../upid/upid.js';
import { classifyExitStatus } from './exit-status.js';
import { readLogPage } from './log-page.js';
import { type APIRequester, toUPID, type UPIDInput } from './requester.js';
import type { TaskLogLine, TaskStatus } from './schemas.js';
import { abortableSleep } from './sleep.js';
import { taskLogTail } from './task-log.js';
import { taskStatusOnce } from './task-status.js';

/** What {@link ProxmoxClient.waitTask}'s `onProgress` receives after a poll that brought new log lines. */
export interface TaskProgress {
  /** The lines added since the previous call, oldest first. */
  readonly lines: readonly TaskLogLine[];
  /** The status read in the same poll. */
  readonly status: TaskStatus;
}

/** Options of {@link ProxmoxClient.waitTask}. */
export interface WaitTaskOptions {
  /**
   * Give up after this many ms with a `TaskTimeoutError` (the task keeps running on the host).
   * @default 600_000
   */
  readonly timeout?: number;
  /** Stops waiting at once with an `AbortedError` (the task keeps running on the host). */
  readonly signal?: AbortSignal;
  /**
   * Receives new log lines as the task writes them. Setting it adds one log read per poll.
   * An exception it throws ends the wait with that exception.
   */
  readonly onProgress?: (progress: TaskProgress) => void;
  /**
   * The first wait between polls in ms; it doubles up to `maxDelay`, with ±20 % jitter.
   * @default 1_000
   */
  readonly minDelay?: number;
  /**
   * The longest wait between polls in ms.
   * @default 5_000
   */
  readonly maxDelay?: number;
  /**
   * Treat `WARNINGS: N` as a failure (`TaskError`) instead of success.
   * @default false
   */
  readonly failOnWarnings?: boolean;
  /**
   * How many polls in a row may fail transiently (network error, timeout, 5xx, 595/596, and the
   * 400 "no such task" a fresh UPID can get) before the last error is thrown.
   * @default 5
   */
  readonly maxConsecutiveErrors?: number;
}

/** A task that ended well (`OK`, or `WARNINGS: N` unless `failOnWarnings`). */
export interface TaskResult {
  /** The task. */
  readonly upid: UPID;
  /** `ok` for `OK`, `warning` for `WARNINGS: N`. */
  readonly status: 'ok' | 'warning';
  /** The exit status text, e.g. `OK` or `WARNINGS: 2`. */
  readonly exitStatus: string;
  /** The number of warnings (0 for `OK`). */
  readonly warnings: number;
  /** The final status as the host reported it. */
  readonly task: TaskStatus;
}

/** The number of log lines a {@link TaskError} carries. */
export const taskErrorTailLines = 20;

/**
 * Waits for a task to end, polling its status on the node named in the UPID: first poll at
 * once, then 1 s doubling to 5 s (with jitter), a deadline checked before each sleep, the
 * `signal` honoured at once. Transient poll failures are tolerated up to a bound.
 *
 * @returns the outcome when the task ended `OK` or with warnings.
 * @throws {TaskError} when the task failed (with its exit status, last log lines, privilege).
 * @throws {TaskTimeoutError} when `timeout` passed first; {@link AbortedError} on abort.
 * @throws {APIError} (or another typed error) for a non-transient poll failure (auth,
 *   permission) or when `maxConsecutiveErrors` transient failures came in a row.
 */
export async function waitTask(
  api: APIRequester,
  upidInput: UPIDInput,
  options: WaitTaskOptions = {},
): Promise<TaskResult> {
  const upid = toUPID(upidInput);
  const settings = resolve(options);
  const operation = `waitTask ${upid.raw}`;
  const started = Date.now();
  const deadline = started + settings.timeout;
  // Aborts a poll still in flight when the deadline passes, so a stalled host cannot hold us.
  const deadlineController = new AbortController();
  const deadlineTimer = setTimeout(() => deadlineController.abort(), settings.timeout);
  const pollSignal = options.signal
    ? AbortSignal.any([options.signal, deadlineController.signal])
    : deadlineController.signal;

  let delay = settings.minDelay;
  let consecutiveErrors = 0;
  let lastStatus: TaskStatus | undefined;
  let logOffset = 0;
  let finalPoll = false;
  try {
    for (;;) {
      try {
        const signal = finalPoll ? options.signal : pollSignal;
        const status = await taskStatusOnce(api, upid, signal ? { signal } : {});
        lastStatus = status;
        if (options.onProgress) {
          logOffset = await reportProgress(api, upid, logOffset, status, options.onProgress, pollSignal);
        }
        consecutiveErrors = 0;
        if (status.status === 'stopped') return await outcome(api, upid, status, settings, options.signal);
      } catch (error) {
        if (options.signal?.aborted) throw new AbortedError(operation, options.signal.reason);
        if (!deadlineController.signal.aborted || finalPoll) {
          if (!isTransient(error)) throw error;
          consecutiveErrors++;
          if (consecutiveErrors > settings.maxConsecutiveErrors) throw error;
        }
      }
      if (finalPoll) break;
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      // ±20 % jitter, kept inside [minDelay, maxDelay], so many waiters do not poll in step.
      const jittered = Math.min(
        settings.maxDelay,
        Math.max(settings.minDelay, delay * (0.8 + Math.random() * 0.4)),
      );
      await abortableSleep(Math.min(jittered, remaining), options.signal, operation);
      delay = Math.min(settings.maxDelay, delay * 2);
      // At the deadline: one last poll (not cut by the deadline signal), then give up.
      if (Date.now() >= deadline) finalPoll = true;
    }
    const logTail = await bestEffortTail(api, upid, options.signal);
    throw new TaskTimeoutError({ upid, timeout: settings.timeout, lastStatus, logTail });
  } finally {
    clearTimeout(deadlineTimer);
  }
}

type ResolvedWaitOptions = Required<
  Pick<WaitTaskOptions, 'timeout' | 'minDelay' | 'maxDelay' | 'maxConsecutiveErrors' | 'failOnWarnings'>
>;

function resolve(options: WaitTaskOptions): ResolvedWaitOptions {
  const settings = {
    timeout: options.timeout ?? 600_000,
    minDelay: options.minDelay ?? 1_000,
    maxDelay: options.maxDelay ?? 5_000,
    maxConsecutiveErrors: options.maxConsecutiveErrors ?? 5,
    failOnWarnings: options.failOnWarnings ?? false,
  };
  for (const key of ['timeout', 'minDelay', 'maxDelay'] as const) {
    const value = settings[key];
    if (!Number.isFinite(value) || value <= 0 || value > 2_147_483_647) {
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
  if (!Number.isInteger(settings.maxConsecutiveErrors) || settings.maxConsecutiveErrors < 0) {
    throw new InvalidArgumentError(
      'options.maxConsecutiveErrors',
      settings.maxConsecutiveErrors,
      'a non-negative integer',
    );
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new InvalidArgumentError('options.signal', options.signal, 'an AbortSignal');
  }
  return settings;
}

/**
 * A poll failure worth another poll: the connection, a timeout, a 5xx or 595/596 (pveproxy
 * could not reach the node), and the 400 "no such task" a UPID gets until its log file exists.
 */
function isTransient(error: unknown): boolean {
  if (!isProxmoxError(error)) return false;
  if (error instanceof APIError && error.status === 400) {
    return /no such task/i.test(`${error.hostMessage} ${Object.values(error.errors ?? {}).join(' ')}`);
  }
  return (
    error.reason === 'network' ||
    error.reason === 'timeout' ||
    error.reason === 'server' ||
    error.reason === 'node-unreachable'
  );
}

async function reportProgress(
  api: APIRequester,
  upid: UPID,
  offset: number,
  status: TaskStatus,
  onProgress: (progress: TaskProgress) => void,
  signal: AbortSignal,
): Promise<number> {
  const lines: TaskLogLine[] = [];
  let next = offset;
  for (;;) {
    const page = await readLogPage(api, upid, next, 500, { signal });
    lines.push(...page.lines);
    next += page.lines.length;
    if (page.lines.length < 500 || next >= page.total) break;
  }
  if (lines.length > 0) onProgress({ lines, status });
  return next;
}

async function outcome(
  api: APIRequester,
  upid: UPID,
  status: TaskStatus,
  settings: ResolvedWaitOptions,
  signal: AbortSignal | undefined,
): Promise<TaskResult> {
  const exitStatus = status.exitstatus ?? '';
  const verdict = classifyExitStatus(exitStatus);
  if (verdict.outcome === 'ok') return { upid, status: 'ok', exitStatus, warnings: 0, task: status };
  if (verdict.outcome === 'warning' && !settings.failOnWarnings) {
    return { upid, status: 'warning', exitStatus, warnings: verdict.warnings, task: status };
  }
  const logTail = await bestEffortTail(api, upid, signal);
  throw new TaskError({ upid, status, exitStatus, logTail });
}

// The tail is context for an error being raised: failing to read it must not hide that error.
async function bestEffortTail(
  api: APIRequester,
  upid: UPID,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  try {
    const tail = await taskLogTail(api, upid, taskErrorTailLines, signal ? { signal } : {});
    return tail.map((line) => line.text);
  } catch {
    return [];
  }
}
