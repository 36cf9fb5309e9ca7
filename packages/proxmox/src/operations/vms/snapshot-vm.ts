import { schemaCheck } from '../../privileges/check-builders.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import { optionalBoolean, optionalDescription } from '../checks.js';
import { guestPathValues } from '../containers/guest-path.js';
import type { SnapshotOptions } from '../containers/snapshot.js';
import { defineOperation } from '../define.js';

/** Options of `snapshotVM(node, vmid, options)`. */
export interface VMSnapshotOptions extends SnapshotOptions {
  /**
   * Save the running VM's RAM with the snapshot, so a rollback resumes it where it was (the state
   * volume, about twice the RAM, goes to `vmstatestorage` or the first disk's storage). Without it
   * the snapshot holds the disks only, as after a power cut.
   * @default false
   */
  readonly vmstate?: boolean;
}

/** `POST /nodes/{node}/qemu/{vmid}/snapshot`. */
export const snapshotVMOperation = {
  /**
   * Takes a snapshot of a VM (`POST …/qemu/{vmid}/snapshot`) in a `qmsnapshot` task; with
   * `vmstate` the RAM of a running VM too. Needs `VM.Snapshot` on `/vms/{vmid}`.
   *
   * @example
   * ```ts
   * await client.waitTask(await client.snapshotVM('pve1', 102, { name: 'before_upgrade', vmstate: true }));
   * ```
   */
  snapshotVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu/{vmid}/snapshot',
    privileges: {
      access: 'all-of',
      checks: [schemaCheck('/vms/{vmid}', ['VM.Snapshot'], false, 'taking a snapshot')],
      rootOnly: [],
    },
    request: (node: string, vmid: number, options: VMSnapshotOptions) => {
      const path = guestPathValues(node, vmid);
      return {
        path,
        parameters: {
          snapname: assertSnapshotName(options?.name, 'options.name'),
          description: optionalDescription('options.description', options.description),
          vmstate: optionalBoolean('options.vmstate', options.vmstate),
        },
        call: options,
      };
    },
    answer: upidAnswer,
  }),
};
