import {
  serializeDevice,
  serializeFeatures,
  serializeMountPoint,
  serializeNet,
  serializeRootFs,
  serializeUnused,
} from '../encoding/codecs.js';
import type { RequestParams } from '../encoding/request-params.js';
import { InvalidArgumentError } from '../errors/index.js';
import { checkConfigValue } from './check-config-values.js';
import { indexedKeyLimits } from './keys.js';
import type { GuestConfigChanges } from './types.js';

const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/;

function indexed<T>(
  prefix: keyof typeof indexedKeyLimits,
  parameter: string,
  entries: Readonly<Record<number, T>> | undefined,
  serialize: (value: T, key: string) => string,
  into: Record<string, string>,
): void {
  if (entries === undefined) return;
  const limit = indexedKeyLimits[prefix];
  for (const [index, value] of Object.entries(entries)) {
    if (!/^(0|[1-9]\d*)$/.test(index) || Number(index) >= limit) {
      throw new InvalidArgumentError(`${parameter}[${index}]`, index, `an index from 0 to ${limit - 1}`);
    }
    if (value === undefined) continue;
    const key = `${prefix}${index}`;
    into[key] = serialize(value as T, key);
  }
}

/**
 * Flattens typed config changes into request parameters: `nets: {0: {...}}` → `net0: "…"`,
 * `mountPoints` → `mpN`, `devices` → `devN`, `unused` → `unusedN`, `rootfs`/`features` as
 * property strings, `tags` joined with `;`. Scalars are left typed for `toRequestParams`
 * (which writes booleans as 1/0 and drops `undefined`). Every value is first checked against
 * the type, range, values and length the PVE API schema gives its key (`cores` 1–8192,
 * `description` at most 8192 characters, a network `tag` 1–4094, …); read-only keys (`parent`,
 * `snaptime`) are refused. Throws `InvalidArgumentError` naming the key for any of these, an
 * index out of PVE's range, a bad tag or an unserialisable property string.
 */
export function encodeGuestConfig(changes: GuestConfigChanges): RequestParams {
  const { tags, rootfs, mountPoints, nets, unused, devices, features, extra, ...scalars } = changes;
  for (const [key, value] of Object.entries(scalars)) checkConfigValue(key, value, key, false);
  for (const [key, value] of Object.entries(extra ?? {})) checkConfigValue(key, value, `extra.${key}`, true);
  const out: Record<string, string | number | boolean | undefined> = { ...extra, ...scalars };
  const strings: Record<string, string> = {};
  indexed('net', 'nets', nets, serializeNet, strings);
  indexed('mp', 'mountPoints', mountPoints, serializeMountPoint, strings);
  indexed('dev', 'devices', devices, serializeDevice, strings);
  indexed('unused', 'unused', unused, (volume: string, key) => serializeUnused({ volume }, key), strings);
  if (rootfs !== undefined) strings.rootfs = serializeRootFs(rootfs, 'rootfs');
  if (features !== undefined) strings.features = serializeFeatures(features, 'features');
  if (tags !== undefined) {
    for (const tag of tags) {
      if (typeof tag !== 'string' || !tagPattern.test(tag)) {
        throw new InvalidArgumentError('tags', tag, 'tags of letters, digits, "_", "-", "+" and "."');
      }
    }
    strings.tags = tags.join(';');
  }
  return { ...out, ...strings };
}
