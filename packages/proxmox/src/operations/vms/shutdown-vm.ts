import { upidAnswer } from '../answers.js';
import { optionalBoolean } from '../checks.js';
import { guestPathValues } from '../containers/guest-path.js';
import { rebootParameters } from '../containers/reboot.js';
import type { ShutdownOptions } from '../containers/shutdown.js';
import { powerMgmt } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** `POST /nodes/{node}/qemu/{vmid}/status/shutdown`. */
export const shutdownVMOperation = {
  /**
   * Shuts a VM down cleanly (`POST …/qemu/{vmid}/status/shutdown`): an ACPI power button press,
   * or the guest agent's shutdown when the agent is enabled, in a `qmshutdown` task. Here
   * `timeout` is the host's timeout in seconds (`requestTimeout` is the HTTP one); with
   * `forceStop` the VM is stopped hard when it passes. HA-managed: a `hastop` UPID. Needs
   * `VM.PowerMgmt` on `/vms/{vmid}`.
   */
  shutdownVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu/{vmid}/status/shutdown',
    privileges: { access: 'all-of', checks: [powerMgmt], rootOnly: ['skiplock', 'keepActive'] },
    request: (node: string, vmid: number, options?: ShutdownOptions) => {
      const { timeout, call } = rebootParameters(options);
      const forceStop = optionalBoolean('options.forceStop', options?.forceStop);
      return {
        path: guestPathValues(node, vmid),
        parameters: timeout === undefined && forceStop === undefined ? undefined : { timeout, forceStop },
        call,
      };
    },
    answer: upidAnswer,
  }),
};
