import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { guestPathValues } from '../containers/guest-path.js';
import { powerMgmt } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** `POST /nodes/{node}/qemu/{vmid}/status/start`. */
export const startVMOperation = {
  /**
   * Starts a VM (`POST …/qemu/{vmid}/status/start`) in a `qmstart` task; pending config changes
   * take effect. The call itself checks little: a running, locked or template VM fails the task,
   * not the call. For an HA-managed VM the UPID's `type` is `hastart` (only queued with the HA
   * manager; poll `vmStatus`). Needs `VM.PowerMgmt` on `/vms/{vmid}`.
   */
  startVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu/{vmid}/status/start',
    privileges: {
      access: 'all-of',
      checks: [powerMgmt],
      rootOnly: ['skiplock', 'stateuri', 'migratedfrom', 'migration_type', 'targetstorage', 'force-cpu'],
    },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: upidAnswer,
  }),
};
