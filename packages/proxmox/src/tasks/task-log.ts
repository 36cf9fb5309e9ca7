import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { TaskLogLine } from '../schemas/tasks.js';
import { type PageOptions, readLogPage, readLogPages } from './log-page.js';
import { type APIRequester, toUPID, type UPIDInput } from './requester.js';
import { abortableSleep } from './sleep.js';
import { taskStatusOnce } from './task-status.js';

/**
 * The last `count` lines of a task log, in one request when the log is short and two when it is
 * longer (the first reveals `total`, the second reads exactly the tail). Never the whole log,
 * and never more than `count` lines, whatever the host sends.
 */
export async function taskLogTail(
  api: APIRequester,
  upidInput: UPIDInput,
  count: number,
  options: PageOptions = {},
): Promise<TaskLogLine[]> {
  const upid = toUPID(upidInput);
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidArgumentError('lines', count, 'a positive integer');
  }
  const first = await readLogPage(api, upid, 0, count, options);
  if (first.total <= count) return first.lines.slice(-count);
  const tail = await readLogPage(api, upid, first.total - count, count, options);
  return tail.lines.slice(-count);
}

/** Options of `ProxmoxClient.taskLog`. */
export interface TaskLogOptions {
  /** Stops following and ends the iteration with an `AbortedError`. */
  readonly signal?: AbortSignal;
  /**
   * The 0-based line to start at.
   * @default 0
   */
  readonly start?: number;
  /**
   * Keep reading while the task runs. With `false`, yields the lines present now and ends.
   * @default true
   */
  readonly follow?: boolean;
  /**
   * The first wait between polls of a running task, in ms; doubles while nothing new arrives.
   * @default 1_000
   */
  readonly minDelay?: number;
  /**
   * The longest wait between polls, in ms.
   * @default 5_000
   */
  readonly maxDelay?: number;
  /**
   * Lines requested per page.
   * @default 500
   */
  readonly pageSize?: number;
}

/**
 * Iterates over a task's log lines, following a running task until it stops. Each round reads
 * the status first and then every new line; when that status said "stopped", the log read
 * after it is complete and the iteration ends.
 *
 * @example
 * ```ts
 * for await (const line of client.taskLog(upid)) console.log(line.text);
 * ```
 */
export async function* taskLog(
  api: APIRequester,
  upidInput: UPIDInput,
  options: TaskLogOptions = {},
): AsyncGenerator<TaskLogLine, void, undefined> {
  const upid = toUPID(upidInput);
  const { signal, follow = true, minDelay = 1_000, maxDelay = 5_000, pageSize = 500 } = options;
  let offset = options.start ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidArgumentError('options.start', offset, 'a non-negative integer');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new InvalidArgumentError('options.pageSize', pageSize, 'a positive integer');
  }
  let delay = minDelay;
  for (;;) {
    const stopped = follow
      ? (await taskStatusOnce(api, upid, signal ? { signal } : {})).status === 'stopped'
      : true;
    let fresh = 0;
    for await (const page of readLogPages(api, upid, offset, { pageSize, ...(signal && { signal }) })) {
      for (const line of page.lines) yield line;
      offset += page.lines.length;
      fresh += page.lines.length;
    }
    if (stopped) return;
    // Poll quickly while lines flow, back off while the task is quiet.
    if (fresh > 0) delay = minDelay;
    await abortableSleep(delay, signal, `taskLog ${upid.raw}`);
    delay = Math.min(maxDelay, delay * 2);
  }
}
