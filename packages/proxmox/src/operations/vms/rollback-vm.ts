import { codeCheck, schemaCheck, whenOption } from '../../privileges/check-builders.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import { optionalBoolean } from '../checks.js';
import { guestPathValues } from '../containers/guest-path.js';
import type { RollbackOptions } from '../containers/rollback.js';
import { defineOperation } from '../define.js';

/** `POST /nodes/{node}/qemu/{vmid}/snapshot/{snapname}/rollback`. */
export const rollbackVMOperation = {
  /**
   * Rolls a VM back to a snapshot (`POST …/qemu/{vmid}/snapshot/{name}/rollback`) in a
   * `qmrollback` task: a running VM is stopped, the disks and config restored, and the VM gets a
   * new `vmgenid`. A snapshot with RAM (`vmstate`) resumes the VM where it was; `start` starts it
   * otherwise (PVE 7.2+). Needs `VM.Snapshot` or `VM.Snapshot.Rollback` on `/vms/{vmid}`, and
   * `VM.PowerMgmt` for `start`.
   */
  rollbackVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu/{vmid}/snapshot/{snapname}/rollback',
    privileges: {
      access: 'any-of',
      checks: [
        schemaCheck(
          '/vms/{vmid}',
          ['VM.Snapshot', 'VM.Snapshot.Rollback'],
          true,
          'rolling back; VM.Snapshot.Rollback allows it without allowing new snapshots',
        ),
        codeCheck(
          'handler',
          '/vms/{vmid}',
          ['VM.PowerMgmt'],
          whenOption('start'),
          'starting the VM after the rollback is checked before the task starts',
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
