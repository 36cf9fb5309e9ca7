import { schemaCheck } from '../../privileges/check-builders.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalDescription } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/** Options of `snapshot(node, vmid, options)`. */
export interface SnapshotOptions extends CallOptions {
  /** The snapshot name: a letter, then letters, digits, `_`, `-`; 2 to 40 characters. */
  readonly name: string;
  /** A free-text description. */
  readonly description?: string;
}

/** `POST /nodes/{node}/lxc/{vmid}/snapshot`. */
export const snapshotOperation = {
  /** Takes a snapshot (`POST …/lxc/{vmid}/snapshot`); needs `VM.Snapshot` on `/vms/{vmid}`. */
  snapshot: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/snapshot',
    privileges: {
      access: 'all-of',
      checks: [schemaCheck('/vms/{vmid}', ['VM.Snapshot'], false, 'taking a snapshot')],
      rootOnly: [],
    },
    request: (node: string, vmid: number, options: SnapshotOptions) => {
      const path = guestPathValues(node, vmid);
      return {
        path,
        parameters: {
          snapname: assertSnapshotName(options?.name, 'options.name'),
          description: optionalDescription('options.description', options.description),
        },
        call: options,
      };
    },
    answer: upidAnswer,
  }),
};
