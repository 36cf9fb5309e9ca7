import { filterCheck } from '../../privileges/check-builders.js';
import { guestConfigSchema } from '../../schemas/guest-config.js';
import { assertSnapshotName } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { vmAudit } from './vm-audit.js';

/** Options of `guestConfig(node, vmid, options)`. */
export interface GuestConfigOptions extends CallOptions {
  /**
   * The current values instead of the pending ones (containers rarely have pending values).
   * @default false
   */
  readonly current?: boolean;
  /** Read the config as it was in this snapshot. */
  readonly snapshot?: string;
}

/** `GET /nodes/{node}/lxc/{vmid}/config`. */
export const guestConfigOperation = {
  /**
   * A container's config with property strings parsed (`GET …/lxc/{vmid}/config`), or a
   * snapshot's with `snapshot`; needs `VM.Audit` on `/vms/{vmid}` (`env` is left out without
   * `VM.Config.Options`). Keep `digest` for {@link ProxmoxClient.setConfig}.
   */
  guestConfig: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/lxc/{vmid}/config',
    privileges: {
      access: 'all-of',
      checks: [
        vmAudit,
        filterCheck(
          '/vms/{vmid}',
          ['VM.Config.Options'],
          false,
          'the `env` key (PVE 9.1+) is removed from the answer without it',
        ),
      ],
      rootOnly: [],
    },
    request: (node: string, vmid: number, options?: GuestConfigOptions) => ({
      path: guestPathValues(node, vmid),
      parameters: {
        current: optionalBoolean('options.current', options?.current),
        snapshot:
          options?.snapshot === undefined
            ? undefined
            : assertSnapshotName(options.snapshot, 'options.snapshot'),
      },
      call: options,
    }),
    answer: schemaAnswer(guestConfigSchema),
  }),
};
