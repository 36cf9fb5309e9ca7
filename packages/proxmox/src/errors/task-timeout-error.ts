import type { TaskStatus } from '../shapes/tasks.js';
import type { UPID } from '../shapes/upid.js';
import { ProxmoxError } from './proxmox-error.js';

/** `waitTask` ran out of time while the task was still running (the task keeps running). */
export class TaskTimeoutError extends ProxmoxError {
  override name = 'TaskTimeoutError';
  override readonly reason = 'timeout' as const;
  /** The task. */
  readonly upid: UPID;
  /** The wait's limit in ms. */
  readonly timeout: number;
  /** The last status read, if any poll succeeded. */
  readonly lastStatus: TaskStatus | undefined;
  /** The last lines of the log (best effort; empty when they could not be read). */
  readonly logTail: readonly string[];

  constructor(init: {
    upid: UPID;
    timeout: number;
    lastStatus: TaskStatus | undefined;
    logTail: readonly string[];
  }) {
    super(`timed out after ${init.timeout} ms waiting for task ${init.upid.raw} on ${init.upid.node}`);
    this.upid = init.upid;
    this.timeout = init.timeout;
    this.lastStatus = init.lastStatus;
    this.logTail = init.logTail;
  }
}
