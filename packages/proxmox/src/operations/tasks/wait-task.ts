import type { UPIDInput } from '../../tasks/requester.js';
import type { WaitTaskOptions } from '../../tasks/wait-options.js';
import { waitTask } from '../../tasks/wait-task.js';
import { defineComposite } from '../define.js';
import { ownerOrSysAudit, taskLogEndpoint, taskStatusEndpoint } from './task-readable.js';

/** The status endpoint until the task ends, then the log's tail when it failed. */
export const waitTaskOperation = {
  /**
   * Waits for a task to end; resolves for `OK` and `WARNINGS: N`, throws {@link TaskError} on
   * failure. A task is seen ending within max(250 ms, 25 % of its run time); every request of
   * the wait ends by its `timeout`. See `WaitTaskOptions` (`@felhom/proxmox/tasks`) for the polling schedule.
   */
  waitTask: defineComposite({
    privileges: {
      endpoints: [taskStatusEndpoint, taskLogEndpoint],
      access: 'owner-or',
      checks: [ownerOrSysAudit],
      rootOnly: [],
    },
    run: (api, upid: UPIDInput, options?: WaitTaskOptions) => waitTask(api, upid, options),
  }),
};
