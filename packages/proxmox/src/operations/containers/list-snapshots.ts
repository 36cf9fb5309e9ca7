import { snapshotListSchema } from '../../schemas/snapshots.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { vmAudit } from './vm-audit.js';

/** `GET /nodes/{node}/lxc/{vmid}/snapshot`. */
export const listSnapshotsOperation = {
  /**
   * A container's snapshots (`GET …/lxc/{vmid}/snapshot`), with PVE's `current` pseudo-entry
   * split off into `current`; needs `VM.Audit` on `/vms/{vmid}`.
   */
  listSnapshots: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/lxc/{vmid}/snapshot',
    privileges: { access: 'all-of', checks: [vmAudit], rootOnly: [] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: schemaAnswer(snapshotListSchema),
  }),
};
