import type { UPIDInput } from '../../tasks/requester.js';
import { type TaskLogOptions, taskLog } from '../../tasks/task-log.js';
import { defineIterator } from '../define.js';
import { ownerOrSysAudit, taskLogEndpoint, taskStatusEndpoint } from './task-readable.js';

/** The log endpoint page by page, and the status endpoint to know when a followed task stopped. */
export const taskLogOperation = {
  /** The task's log lines as an async iterator that follows a running task until it stops. */
  taskLog: defineIterator({
    privileges: {
      endpoints: [taskLogEndpoint, taskStatusEndpoint],
      access: 'owner-or',
      checks: [ownerOrSysAudit],
      rootOnly: [],
    },
    run: (api, upid: UPIDInput, options?: TaskLogOptions) => taskLog(api, upid, options),
  }),
};
