import type { UPIDInput } from '../../tasks/requester.js';
import { taskLogTail } from '../../tasks/task-log.js';
import type { TaskCallOptions } from '../../tasks/task-status.js';
import { defineComposite } from '../define.js';
import { ownerOrSysAudit, taskLogEndpoint } from './task-readable.js';

/** `GET /nodes/{node}/tasks/{upid}/log`, at most twice. */
export const taskLogTailOperation = {
  /** The last `lines` lines of a task's log (never more), in at most two requests. */
  taskLogTail: defineComposite({
    privileges: { endpoints: [taskLogEndpoint], access: 'owner-or', checks: [ownerOrSysAudit], rootOnly: [] },
    run: (api, upid: UPIDInput, lines: number, options?: TaskCallOptions) =>
      taskLogTail(api, upid, lines, options),
  }),
};
