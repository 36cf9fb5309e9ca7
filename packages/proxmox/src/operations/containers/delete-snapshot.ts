import { schemaCheck } from '../../privileges/check-builders.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/** Options of `deleteSnapshot(node, vmid, name, options)`. */
export interface DeleteSnapshotOptions extends CallOptions {
  /**
   * Remove the snapshot from the config even if removing its storage snapshot fails, and
   * ignore a lock.
   * @default false
   */
  readonly force?: boolean;
}

/** `DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}`. */
export const deleteSnapshotOperation = {
  /** Deletes a snapshot (`DELETE …/snapshot/{name}`); needs `VM.Snapshot` on `/vms/{vmid}`. */
  deleteSnapshot: defineOperation({
    method: 'DELETE',
    path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}',
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
