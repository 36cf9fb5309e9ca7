import { upidAnswer } from '../answers.js';
import { guestPathValues } from '../containers/guest-path.js';
import { type RebootOptions, rebootParameters } from '../containers/reboot.js';
import { powerMgmt } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** `POST /nodes/{node}/qemu/{vmid}/status/reboot`. */
export const rebootVMOperation = {
  /**
   * Reboots a running VM (`POST …/qemu/{vmid}/status/reboot`): a clean shutdown, then a start that
   * applies pending config changes, in a `qmreboot` task. A VM that is not running fails the call
   * (`APIError`, `VM 102 not running`). Here `timeout` is the host's shutdown timeout in seconds
   * (`requestTimeout` is the HTTP one). Needs `VM.PowerMgmt` on `/vms/{vmid}`.
   */
  rebootVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu/{vmid}/status/reboot',
    privileges: { access: 'all-of', checks: [powerMgmt], rootOnly: [] },
    request: (node: string, vmid: number, options?: RebootOptions) => {
      const { timeout, call } = rebootParameters(options);
      return {
        path: guestPathValues(node, vmid),
        parameters: timeout === undefined ? undefined : { timeout },
        call,
      };
    },
    answer: upidAnswer,
  }),
};
