import { toRequestParams } from '../../encoding/request-params.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { encodeGuestConfig } from '../../guest-config/encode-guest-config.js';
import type { GuestConfigChanges } from '../../guest-config/types.js';
import { schemaCheck } from '../../privileges/check-builders.js';
import { configKeyChecks, rootOnlyConfigKeys } from '../../privileges/config-key-checks.js';
import { nothingAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalMatching } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/** Options of `setConfig(node, vmid, changes, options)`. */
export interface SetConfigOptions extends CallOptions {
  /**
   * The `digest` from `guestConfig()`: the host refuses the change (`APIError`, reason
   * `conflict`) if the config was modified since, instead of overwriting the other edit.
   */
  readonly digest?: string;
  /** Config keys to remove (`mp1`, `net2`, `description`, …). */
  readonly delete?: readonly string[];
  /** Pending changes to revert (keys). */
  readonly revert?: readonly string[];
}

/** PVE's `pve-configid`: the form of a config key in `delete`/`revert` lists. */
const configKey = /^[a-z][a-z0-9_-]+$/i;
/** The config digest: SHA-1 as 40 hex digits. */
const digestFormat = /^[0-9a-f]{40}$/i;

function keyList(parameter: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new InvalidArgumentError(parameter, value, 'an array of config keys');
  for (const key of value) {
    if (typeof key !== 'string' || key.length > 64 || !configKey.test(key)) {
      throw new InvalidArgumentError(parameter, key, "config keys such as 'mp0', 'net1' or 'description'");
    }
  }
  return value as string[];
}

function configChanges(changes: GuestConfigChanges, options: SetConfigOptions | undefined) {
  if (typeof changes !== 'object' || changes === null) {
    throw new InvalidArgumentError('changes', changes, 'an object of config changes');
  }
  const set = toRequestParams(encodeGuestConfig(changes));
  const deleted = keyList('options.delete', options?.delete);
  const reverted = keyList('options.revert', options?.revert);
  const digest = optionalMatching(
    'options.digest',
    options?.digest,
    digestFormat,
    'the 40-hex-digit config digest',
  );
  for (const key of deleted ?? []) {
    if (key in set) throw new InvalidArgumentError('options.delete', key, 'a key that is not also being set');
  }
  if (Object.keys(set).length === 0 && !deleted?.length && !reverted?.length) {
    throw new InvalidArgumentError('changes', changes, 'at least one change, delete or revert');
  }
  return {
    ...set,
    ...(deleted?.length ? { delete: deleted.join(',') } : {}),
    ...(reverted?.length ? { revert: reverted.join(',') } : {}),
    ...(digest !== undefined && { digest }),
  };
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
