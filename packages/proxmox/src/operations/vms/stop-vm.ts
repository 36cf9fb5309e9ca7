import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { guestPathValues } from '../containers/guest-path.js';
import { powerMgmt } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** `POST /nodes/{node}/qemu/{vmid}/status/stop`. */
export const stopVMOperation = {
  /**
   * Stops a VM hard (`POST …/qemu/{vmid}/status/stop`), like pulling the power cord, in a `qmstop`
   * task; stopping a stopped VM succeeds. Prefer {@link ProxmoxClient.shutdownVM}. HA-managed: a
   * `hastop` UPID. Needs `VM.PowerMgmt` on `/vms/{vmid}`.
   */
  stopVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu/{vmid}/status/stop',
    privileges: {
      access: 'all-of',
      checks: [powerMgmt],
      rootOnly: ['skiplock', 'keepActive', 'migratedfrom'],
    },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: upidAnswer,
  }),
};
