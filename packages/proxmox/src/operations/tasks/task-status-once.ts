import type { UPIDInput } from '../../tasks/requester.js';
import { type TaskCallOptions, taskStatusOnce } from '../../tasks/task-status.js';
import { defineComposite } from '../define.js';
import { ownerOrSysAudit, taskStatusEndpoint } from './task-readable.js';

/** `GET /nodes/{node}/tasks/{upid}/status`, on the node named in the UPID. */
export const taskStatusOnceOperation = {
  /** Reads a task's status once from the node in its UPID. */
  taskStatusOnce: defineComposite({
    privileges: {
      endpoints: [taskStatusEndpoint],
      access: 'owner-or',
      checks: [ownerOrSysAudit],
      rootOnly: [],
    },
    run: (api, upid: UPIDInput, options?: TaskCallOptions) => taskStatusOnce(api, upid, options),
  }),
};
