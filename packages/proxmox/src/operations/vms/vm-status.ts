import { parseResponse } from '../../schemas/parse.js';
import { type VMStatus, vmStatusSchema } from '../../schemas/vm.js';
import { customAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { guestPathValues } from '../containers/guest-path.js';
import { vmAudit } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** A VM's status with `vmid` always present (filled from the request when the host omits it). */
export type VMStatusWithVmid = VMStatus & { readonly vmid: number };

/** `GET /nodes/{node}/qemu/{vmid}/status/current`. */
export const vmStatusOperation = {
  /**
   * A VM's current status (`GET …/qemu/{vmid}/status/current`), with what QEMU reports for a
   * running VM (`qmpstatus`, e.g. `paused` during a backup in suspend mode, `nics`,
   * `ballooninfo`); needs `VM.Audit` on `/vms/{vmid}`.
   */
  vmStatus: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/qemu/{vmid}/status/current',
    privileges: { access: 'all-of', checks: [vmAudit], rootOnly: [] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: customAnswer(
      (data, endpoint, request: { path: { vmid: number } }): VMStatusWithVmid => {
        const status = parseResponse(vmStatusSchema, data, endpoint);
        return { ...status, vmid: status.vmid ?? request.path.vmid };
      },
      { upid: false },
    ),
  }),
};
