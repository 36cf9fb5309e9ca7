import { parseTyped, type WithExtra } from '../encoding/typed-format.js';
import {
  type EFIDiskConfig,
  efiDiskFormat,
  type TPMStateConfig,
  tpmStateFormat,
  type VMAgentConfig,
  type VMDriveConfig,
  vmAgentFormat,
  vmDriveFormat,
  vmMemoryFormat,
  vmUnusedFormat,
} from '../encoding/vm-formats.js';
import { parseVMNet, type VMNetConfig } from '../encoding/vm-net.js';
import { InvalidArgumentError } from '../errors/index.js';
import { readScalar } from '../guest-config/parse-guest-config.js';
import { splitList } from '../schemas/wire-values.js';
import { isVMDriveKey, vmIndexedKeyLimits, vmIndexedKeyPattern, vmScalarKeys } from './keys.js';
import type { VMConfig } from './types.js';

/** The raw VM config as the host sends it (validated by `vmConfigRawSchema`). */
export interface VMConfigRaw {
  readonly digest: string;
  readonly [key: string]: unknown;
}

function text(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  // `agent: 1` and `memory: 4096` arrive as numbers from hosts that wrote them bare.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InvalidArgumentError(key, value, 'a property string');
}

/**
 * Turns a raw VM config into a {@link VMConfig}: typed scalars (`cpulimit` string → number,
 * 0/1 → booleans, `memory` from its property string), tags split, drives, `efidisk0`,
 * `tpmstate0`, `netN`, `unusedN` and `agent` parsed, unknown keys in `extra`. Throws
 * `InvalidArgumentError` naming the config key when a value cannot be read (the response schema
 * turns that into a `ResponseShapeError`).
 */
export function parseVMConfig(raw: VMConfigRaw): VMConfig {
  const out: Record<string, unknown> = {};
  const drives: Record<string, VMDriveConfig> = {};
  const nets: Record<number, VMNetConfig> = {};
  const unused: Record<number, string> = {};
  const extra: Record<string, string | number> = {};
  let tags: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'digest') continue;
    if (Object.hasOwn(vmScalarKeys, key)) {
      out[key] = readScalar(key, vmScalarKeys[key as keyof typeof vmScalarKeys], value);
    } else if (isVMDriveKey(key)) {
      drives[key] = parseTyped<VMDriveConfig>(vmDriveFormat, text(key, value), key);
    } else if (vmIndexedKeyPattern.test(key) && indexWithinLimit(key)) {
      const index = Number(key.replace(/^\D+/, ''));
      if (key.startsWith('net')) nets[index] = parseVMNet(text(key, value), key);
      else
        unused[index] = parseTyped<WithExtra & { readonly file: string }>(
          vmUnusedFormat,
          text(key, value),
          key,
        ).file;
    } else if (key === 'memory') {
      out.memory = parseTyped<WithExtra & { readonly current: number }>(
        vmMemoryFormat,
        text(key, value),
        key,
      ).current;
    } else if (key === 'efidisk0') {
      out.efidisk0 = parseTyped<EFIDiskConfig>(efiDiskFormat, text(key, value), key);
    } else if (key === 'tpmstate0') {
      out.tpmstate0 = parseTyped<TPMStateConfig>(tpmStateFormat, text(key, value), key);
    } else if (key === 'agent') {
      out.agent = parseTyped<VMAgentConfig>(vmAgentFormat, text(key, value), key);
    } else if (key === 'tags') {
      tags = splitList(text(key, value));
    } else if (typeof value === 'string' || typeof value === 'number') {
      extra[key] = value;
    } else {
      throw new InvalidArgumentError(key, value, 'a string or a number');
    }
  }
  return { ...out, digest: raw.digest, tags, drives, nets, unused, extra } as VMConfig;
}

function indexWithinLimit(key: string): boolean {
  const match = vmIndexedKeyPattern.exec(key);
  return match !== null && Number(match[2]) < vmIndexedKeyLimits[match[1] as keyof typeof vmIndexedKeyLimits];
}
