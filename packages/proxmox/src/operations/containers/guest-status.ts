import { type GuestStatus, guestStatusSchema } from '../../schemas/guest.js';
import { parseFreshResponse } from '../../schemas/parse.js';
import { customAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { vmAudit } from './vm-audit.js';

/** A guest's status with `vmid` always present (filled from the request when the host omits it). */
export type GuestStatusWithVmid = GuestStatus & { readonly vmid: number };

/** `GET /nodes/{node}/lxc/{vmid}/status/current`. */
export const guestStatusOperation = {
  /**
   * A container's current status (`GET …/lxc/{vmid}/status/current`); needs `VM.Audit` on
   * `/vms/{vmid}`. `vmid` is filled from the request when an old host leaves it out.
   */
  guestStatus: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/lxc/{vmid}/status/current',
    privileges: { access: 'all-of', checks: [vmAudit], rootOnly: [] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: customAnswer(
      (data, endpoint, request: { path: { vmid: number } }): GuestStatusWithVmid => {
        const status = parseFreshResponse(guestStatusSchema, data, endpoint);
        // A PVE 6.2 host was captured answering without `vmid`; the caller asked for this one.
        return { ...status, vmid: status.vmid ?? request.path.vmid };
      },
      { upid: false },
    ),
  }),
};
