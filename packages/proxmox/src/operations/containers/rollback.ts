import { schemaCheck } from '../../privileges/check-builders.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/** Options of `rollback(node, vmid, name, options)`. */
export interface RollbackOptions extends CallOptions {
  /**
   * Start the container after the rollback (PVE 7.2+; a running container is stopped first).
   * @default false
   */
  readonly start?: boolean;
}

/** `POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback`. */
export const rollbackOperation = {
  /**
   * Rolls back to a snapshot (`POST …/snapshot/{name}/rollback`); needs `VM.Snapshot` or
   * `VM.Snapshot.Rollback` on `/vms/{vmid}`.
   */
  rollback: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback',
    privileges: {
      access: 'any-of',
      checks: [
        schemaCheck(
          '/vms/{vmid}',
          ['VM.Snapshot', 'VM.Snapshot.Rollback'],
          true,
          'rolling back; VM.Snapshot.Rollback allows it without allowing new snapshots',
        ),
      ],
      rootOnly: [],
    },
    request: (node: string, vmid: number, name: string, options?: RollbackOptions) => {
      const guest = guestPathValues(node, vmid);
      const snapname = assertSnapshotName(name, 'name');
      const start = optionalBoolean('options.start', options?.start);
      return {
        path: { ...guest, snapname },
        parameters: start === undefined ? undefined : { start },
        call: options,
      };
    },
    answer: upidAnswer,
  }),
};
