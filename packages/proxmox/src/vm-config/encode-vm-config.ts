import type { RequestParams } from '../encoding/request-params.js';
import { serializeTyped, type WithExtra } from '../encoding/typed-format.js';
import {
  efiDiskFormat,
  tpmStateFormat,
  vmAgentFormat,
  vmDriveFormat,
  vmUnusedFormat,
} from '../encoding/vm-formats.js';
import { serializeVMNet } from '../encoding/vm-net.js';
import { InvalidArgumentError } from '../errors/index.js';
import { checkValueAgainst } from '../guest-config/check-config-values.js';
import { vmReadOnlyConfigKeys, vmSettableConfigKeys } from './config-constraints.js';
import { isVMDriveKey, vmIndexedKeyLimits } from './keys.js';
import type { VMConfigChanges } from './types.js';

const tables = { settable: vmSettableConfigKeys, readOnly: vmReadOnlyConfigKeys };
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/;

function indexed<T>(
  prefix: keyof typeof vmIndexedKeyLimits,
  parameter: string,
  entries: Readonly<Record<number, T>> | undefined,
  serialize: (value: T, key: string) => string,
  into: Record<string, string>,
): void {
  if (entries === undefined) return;
  const limit = vmIndexedKeyLimits[prefix];
  for (const [index, value] of Object.entries(entries)) {
    if (!/^(0|[1-9]\d*)$/.test(index) || Number(index) >= limit) {
      throw new InvalidArgumentError(`${parameter}[${index}]`, index, `an index from 0 to ${limit - 1}`);
    }
    if (value !== undefined) into[`${prefix}${index}`] = serialize(value as T, `${prefix}${index}`);
  }
}

/**
 * Flattens typed VM config changes into request parameters: `drives: { scsi0: {...} }` →
 * `scsi0: "…"`, `nets` → `netN`, `unused` → `unusedN`, `efidisk0`/`tpmstate0`/`agent` as property
 * strings, `tags` joined with `;`, `memory` as the MiB PVE reads as its `current`. Scalars stay
 * typed for `toRequestParams`. Every value is first checked against the type, range, values and
 * length the PVE API schema gives its key (`cores` ≥ 1, `cpulimit` 0–128, `ostype` from its
 * list, a NIC `tag` 1–4094, a drive's `cache` from its list, …); keys only the host writes
 * (`parent`, `snaptime`, `meta`, `vmstate`, `digest`) are refused. Throws `InvalidArgumentError`
 * naming the key.
 */
export function encodeVMConfig(changes: VMConfigChanges): RequestParams {
  const { tags, drives, efidisk0, tpmstate0, nets, unused, agent, extra, ...scalars } = changes;
  for (const [key, value] of Object.entries(scalars)) checkValueAgainst(tables, key, value, key, false);
  for (const [key, value] of Object.entries(extra ?? {})) {
    checkValueAgainst(tables, key, value, `extra.${key}`, true);
  }
  const strings: Record<string, string> = {};
  for (const [key, drive] of Object.entries(drives ?? {})) {
    if (!isVMDriveKey(key)) {
      throw new InvalidArgumentError(
        `drives.${key}`,
        key,
        'a drive key: scsi0–scsi30, virtio0–virtio15, ide0–ide3 or sata0–sata5',
      );
    }
    if (drive !== undefined) strings[key] = serializeTyped(vmDriveFormat, drive, `drives.${key}`);
  }
  indexed('net', 'nets', nets, serializeVMNet, strings);
  indexed(
    'unused',
    'unused',
    unused,
    (file: string, key) =>
      serializeTyped<WithExtra & { readonly file: string }>(vmUnusedFormat, { file }, key),
    strings,
  );
  if (efidisk0 !== undefined) strings.efidisk0 = serializeTyped(efiDiskFormat, efidisk0, 'efidisk0');
  if (tpmstate0 !== undefined) strings.tpmstate0 = serializeTyped(tpmStateFormat, tpmstate0, 'tpmstate0');
  if (agent !== undefined) strings.agent = serializeTyped(vmAgentFormat, agent, 'agent');
  if (tags !== undefined) {
    for (const tag of tags) {
      if (typeof tag !== 'string' || !tagPattern.test(tag)) {
        throw new InvalidArgumentError('tags', tag, 'tags of letters, digits, "_", "-", "+" and "."');
      }
    }
    strings.tags = tags.join(';');
  }
  return { ...extra, ...scalars, ...strings };
}
