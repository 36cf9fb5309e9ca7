import { toRequestParams } from '../../encoding/request-params.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { encodeGuestConfig } from '../../guest-config/encode-guest-config.js';
import type { GuestConfigChanges } from '../../guest-config/types.js';
import { schemaCheck } from '../../privileges/check-builders.js';
import { configKeyChecks, rootOnlyConfigKeys } from '../../privileges/config-key-checks.js';
import { nothingAnswer } from '../answers.js';
import { type ConfigChangeOptions, configChangeBody } from '../config-change.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/** Options of `setConfig(node, vmid, changes, options)`. */
export interface SetConfigOptions extends ConfigChangeOptions {}

function configChanges(changes: GuestConfigChanges, options: SetConfigOptions | undefined) {
  if (typeof changes !== 'object' || changes === null) {
    throw new InvalidArgumentError('changes', changes, 'an object of config changes');
  }
  return configChangeBody(toRequestParams(encodeGuestConfig(changes)), changes, options);
}

/** `PUT /nodes/{node}/lxc/{vmid}/config`: synchronous, the body is `null`. */
export const setConfigOperation = {
  /**
   * Changes a container's config (`PUT …/lxc/{vmid}/config`); synchronous on the host, so it
   * resolves once the change is applied. Pass the `digest` from {@link guestConfig}: a
   * concurrent edit then fails with an `APIError` of reason `conflict` instead of being
   * overwritten. Needs one of `VM.Config.*` on `/vms/{vmid}`, then each key's own privilege.
   */
  setConfig: defineOperation({
    method: 'PUT',
    path: '/nodes/{node}/lxc/{vmid}/config',
    privileges: {
      access: 'any-of',
      checks: [
        schemaCheck(
          '/vms/{vmid}',
          ['VM.Config.Disk', 'VM.Config.CPU', 'VM.Config.Memory', 'VM.Config.Network', 'VM.Config.Options'],
          true,
          'any config privilege lets the request in; each key is then checked on its own',
        ),
        ...configKeyChecks,
      ],
      rootOnly: rootOnlyConfigKeys,
    },
    request: (node: string, vmid: number, changes: GuestConfigChanges, options?: SetConfigOptions) => {
      const path = guestPathValues(node, vmid);
      return { path, parameters: configChanges(changes, options), call: options };
    },
    answer: nothingAnswer,
  }),
};
