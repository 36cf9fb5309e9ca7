import { AbortedError } from '../errors/aborted-error.js';
import { TaskError } from '../errors/task-error.js';
import { TaskTimeoutError } from '../errors/task-timeout-error.js';
import type { TaskStatus } from '../schemas/tasks.js';
import type { UPID } from '../upid/upid.js';
import { classifyExitStatus } from './exit-status.js';
import { isTransient, isUnknownTask } from './poll-failure.js';
import { pollDelay } from './poll-schedule.js';
import { reportProgress } from './progress.js';
import { type APIRequester, toUPID, type UPIDInput } from './requester.js';
import { taskLogTail } from './task-log.js';
import { taskStatusOnce } from './task-status.js';
import { sleepUnlessAborted, WaitDeadline } from './wait-deadline.js';
import { type ResolvedWaitOptions, resolveWaitOptions, type WaitTaskOptions } from './wait-options.js';

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
 * The time kept back before the deadline for the final poll and the log tail: a tenth of the
 * timeout, at least 100 ms and at most 1 s.
 */
function finalReserve(timeout: number): number {
  return Math.min(1_000, Math.max(100, timeout / 10), timeout / 2);
}

/**
 * Waits for a task to end, polling its status on the node named in the UPID: the first poll at
 * once, then waits of 20 % of the time waited so far (200 ms to 5 s, plus 0–10 % jitter), so a task
 * is seen ending within max(250 ms, 25 % of its run time) while a 20-minute task costs about
 * 250 polls. One deadline bounds every request of the wait: the last poll and the log tail share
 * the final slice before it, and the `signal` is honoured at once. Transient poll failures are
 * tolerated up to a bound.
 *
 * @returns the outcome when the task ended `OK` or with warnings.
 * @throws {TaskError} when the task failed (with its exit status, last log lines, privilege).
 * @throws {TaskTimeoutError} when `timeout` passed first; {@link AbortedError} on abort.
 * @throws {APIError} (or another typed error) for a non-transient poll failure (auth,
 *   permission), when `maxConsecutiveErrors` transient failures came in a row, or when the task
 *   stayed unknown past `unknownTaskGrace`.
 */
export async function waitTask(
  api: APIRequester,
  upidInput: UPIDInput,
  options: WaitTaskOptions = {},
): Promise<TaskResult> {
  const upid = toUPID(upidInput);
  const settings = resolveWaitOptions(options);
  const operation = `waitTask ${upid.raw}`;
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  const deadline = new WaitDeadline(settings.timeout, options.signal);
  const reserve = finalReserve(settings.timeout);
  const aborted = (): AbortedError => new AbortedError(operation, deadline.callerReason);
  // A function, not the property: the deadline changes under the awaits in between.
  const stopped = () => deadline.stop;

  let consecutiveErrors = 0;
  let lastStatus: TaskStatus | undefined;
  let logOffset = 0;
  try {
    for (;;) {
      if (stopped() === 'caller') throw aborted();
      const final = deadline.remaining() <= reserve;
      let status: TaskStatus | undefined;
      try {
        // The final poll takes half of what is left; the log tail gets the rest.
        const timeout = final ? Math.max(1, Math.floor(deadline.remaining() / 2)) : undefined;
        status = await taskStatusOnce(api, upid, {
          signal: deadline.signal,
          ...(timeout === undefined ? {} : { timeout }),
        });
        lastStatus = status;
        if (options.onProgress) {
          logOffset = await reportProgress(api, upid, logOffset, status, options.onProgress, deadline.signal);
        }
        consecutiveErrors = 0;
      } catch (error) {
        if (stopped() === 'caller') throw aborted();
        if (stopped() === 'deadline') break;
        if (isUnknownTask(error)) {
          if (elapsed() > settings.unknownTaskGrace) throw error;
        } else if (!isTransient(error) || ++consecutiveErrors > settings.maxConsecutiveErrors) {
          throw error;
        }
      }
      if (status?.status === 'stopped') return await outcome(api, upid, status, settings, deadline.signal);
      if (final) break;
      // Never sleep into the reserve: the final poll starts when it begins.
      const wait = Math.min(
        pollDelay(elapsed(), settings.minDelay, settings.maxDelay),
        deadline.remaining() - reserve,
      );
      if (wait > 0) await sleepUnlessAborted(wait, deadline.signal);
    }
    if (stopped() === 'caller') throw aborted();
    const logTail = await bestEffortTail(api, upid, deadline.signal);
    throw new TaskTimeoutError({ upid, timeout: settings.timeout, lastStatus, logTail });
  } finally {
    deadline.dispose();
  }
}

async function outcome(
  api: APIRequester,
  upid: UPID,
  status: TaskStatus,
  settings: ResolvedWaitOptions,
  signal: AbortSignal,
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

// The tail is context for an error being raised: failing to read it (or running out of time)
// must not hide that error.
async function bestEffortTail(api: APIRequester, upid: UPID, signal: AbortSignal): Promise<string[]> {
  if (signal.aborted) return [];
  try {
    const tail = await taskLogTail(api, upid, taskErrorTailLines, { signal });
    return tail.map((line) => line.text);
  } catch {
    return [];
  }
}
