import { schemaCheck } from '../../privileges/check-builders.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import { optionalBoolean } from '../checks.js';
import type { DeleteSnapshotOptions } from '../containers/delete-snapshot.js';
import { guestPathValues } from '../containers/guest-path.js';
import { defineOperation } from '../define.js';

/** `DELETE /nodes/{node}/qemu/{vmid}/snapshot/{snapname}`. */
export const deleteVMSnapshotOperation = {
  /**
   * Deletes a VM snapshot (`DELETE …/qemu/{vmid}/snapshot/{name}`) in a `qmdelsnapshot` task,
   * its RAM state volume included. Needs `VM.Snapshot` on `/vms/{vmid}`.
   */
  deleteVMSnapshot: defineOperation({
    method: 'DELETE',
    path: '/nodes/{node}/qemu/{vmid}/snapshot/{snapname}',
    privileges: {
      access: 'all-of',
      checks: [schemaCheck('/vms/{vmid}', ['VM.Snapshot'], false, 'deleting a snapshot')],
      rootOnly: [],
    },
    request: (node: string, vmid: number, name: string, options?: DeleteSnapshotOptions) => {
      const guest = guestPathValues(node, vmid);
      return {
        path: { ...guest, snapname: assertSnapshotName(name, 'name') },
        parameters: { force: optionalBoolean('options.force', options?.force) },
        call: options,
      };
    },
    answer: upidAnswer,
  }),
};
