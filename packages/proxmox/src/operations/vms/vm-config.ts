import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { vmConfigSchema } from '../../schemas/vm-config.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean } from '../checks.js';
import { guestPathValues } from '../containers/guest-path.js';
import { vmAudit } from '../containers/vm-audit.js';
import { defineOperation } from '../define.js';

/** Options of `vmConfig(node, vmid, options)`. */
export interface VMConfigOptions extends CallOptions {
  /**
   * The config the VM runs with, without pending changes (by default pending values are shown
   * as if applied: a running VM applies some changes only at its next start).
   * @default false
   */
  readonly current?: boolean;
  /** Read the config as it was in this snapshot (not together with `current`). */
  readonly snapshot?: string;
}

/** `GET /nodes/{node}/qemu/{vmid}/config`. */
export const vmConfigOperation = {
  /**
   * A VM's config with the property strings that matter parsed (`GET …/qemu/{vmid}/config`):
   * `drives` (`scsiN`, `virtioN`, `ideN`, `sataN`), `efidisk0`, `tpmstate0`, `nets` (model, MAC,
   * bridge, …), `unused`, `agent`, `memory` in MiB; other keys in `extra`. Pending changes are
   * shown applied unless `current`; `snapshot` reads a snapshot's config. Keep `digest` for
   * {@link ProxmoxClient.setVMConfig}. Needs `VM.Audit` on `/vms/{vmid}`.
   */
  vmConfig: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/qemu/{vmid}/config',
    privileges: { access: 'all-of', checks: [vmAudit], rootOnly: [] },
    request: (node: string, vmid: number, options?: VMConfigOptions) => {
      const path = guestPathValues(node, vmid);
      const current = optionalBoolean('options.current', options?.current);
      const snapshot =
        options?.snapshot === undefined
          ? undefined
          : assertSnapshotName(options.snapshot, 'options.snapshot');
      if (current === true && snapshot !== undefined) {
        throw new InvalidArgumentError('options.current', current, "no 'current' together with 'snapshot'");
      }
      return { path, parameters: { current, snapshot }, call: options };
    },
    answer: schemaAnswer(vmConfigSchema),
  }),
};
