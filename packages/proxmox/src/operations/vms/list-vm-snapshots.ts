import { snapshotListSchema } from '../../schemas/snapshots.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { guestPathValues } from '../containers/guest-path.js';
import { vmAudit } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** `GET /nodes/{node}/qemu/{vmid}/snapshot`. */
export const listVMSnapshotsOperation = {
  /**
   * A VM's snapshots (`GET …/qemu/{vmid}/snapshot`), each with `vmstate` (whether it holds the
   * RAM), and PVE's `current` pseudo-entry split off into `current`; needs `VM.Audit` on
   * `/vms/{vmid}`.
   */
  listVMSnapshots: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/qemu/{vmid}/snapshot',
    privileges: { access: 'all-of', checks: [vmAudit], rootOnly: [] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: schemaAnswer(snapshotListSchema),
  }),
};
