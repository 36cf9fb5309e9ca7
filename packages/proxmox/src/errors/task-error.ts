import type { TaskStatus } from '../shapes/tasks.js';
import type { UPID } from '../shapes/upid.js';
import { type PermissionDenial, parsePermissionDenial } from './permission-denial.js';
import { ProxmoxError } from './proxmox-error.js';

/**
 * A task ran and ended with an error exit status (or with warnings under `failOnWarnings`).
 * Carries the exit status, the last lines of the log and, when the task died on a permission
 * check, the parsed privilege; then `reason` is `permission`.
 */
export class TaskError extends ProxmoxError {
  override name = 'TaskError';
  override readonly reason: 'task-failed' | 'permission';
  /** The task. */
  readonly upid: UPID;
  /** The exit status as the host reports it, e.g. `command '…' failed: exit code 4`. */
  readonly exitStatus: string;
  /** The last lines of the task log (up to 20), oldest first. */
  readonly logTail: readonly string[];
  /** The permission check the task failed, parsed from the exit status or the log. */
  readonly permission: PermissionDenial | undefined;
  /** True when the failed check allows only `root@pam`. */
  readonly requiresRoot: boolean;
  /** The final status the host reported. */
  readonly status: TaskStatus;

  constructor(init: { upid: UPID; status: TaskStatus; exitStatus: string; logTail: readonly string[] }) {
    const subject = `${init.upid.type}${init.upid.id === '' ? '' : ` ${init.upid.id}`} on ${init.upid.node}`;
    super(`task failed: ${subject} (${init.upid.raw}) — ${init.exitStatus || 'no exit status'}`);
    this.upid = init.upid;
    this.status = init.status;
    this.exitStatus = init.exitStatus;
    this.logTail = init.logTail;
    this.permission = findDenial([init.exitStatus, ...[...init.logTail].reverse()]);
    this.requiresRoot = this.permission?.kind === 'root-only';
    this.reason = this.permission ? 'permission' : 'task-failed';
  }
}

function findDenial(texts: readonly string[]): PermissionDenial | undefined {
  for (const text of texts) {
    const denial = parsePermissionDenial(text);
    if (denial) return denial;
  }
  return undefined;
}
