import {
  parseDevice,
  parseFeatures,
  parseMountPoint,
  parseNet,
  parseRootFs,
  parseUnused,
} from '../encoding/codecs.js';
import type { DeviceConfig, MountPointConfig, NetConfig } from '../encoding/formats.js';
import { InvalidArgumentError } from '../errors/index.js';
import {
  isWireFlag,
  isWireInteger,
  isWireNumber,
  isWireText,
  readWireFlag,
  readWireInteger,
  readWireNumber,
  readWireText,
  splitList,
} from '../schemas/wire-values.js';
import { indexedKeyLimits, indexedKeyPattern, type ScalarKind, scalarKeys } from './keys.js';
import type { GuestConfig } from './types.js';

/** The raw config as the host sends it (validated by `guestConfigRawSchema`). */
export interface GuestConfigRaw {
  readonly digest: string;
  readonly lxc?: readonly (readonly [string, string])[] | undefined;
  readonly [key: string]: unknown;
}

/** How each scalar kind is read: the same rules as every response value (wire-values.ts). */
const scalarRules: Readonly<
  Record<
    ScalarKind,
    { accepts: (value: unknown) => boolean; read: (value: unknown) => string | number | boolean }
  >
> = {
  string: { accepts: isWireText, read: readWireText },
  integer: { accepts: isWireInteger, read: readWireInteger },
  number: { accepts: isWireNumber, read: readWireNumber },
  boolean: { accepts: isWireFlag, read: readWireFlag },
};

/**
 * Reads one scalar config value as its kind, by the rules every response value follows
 * (numbers from strings such as `"1.5"`, booleans from `0`/`1`). Throws `InvalidArgumentError`
 * naming the key otherwise. Shared with VM configs.
 */
export function readScalar(key: string, kind: ScalarKind, value: unknown): string | number | boolean {
  const rule = scalarRules[kind];
  if (rule.accepts(value)) return rule.read(value);
  throw new InvalidArgumentError(key, value, `${kind === 'integer' ? 'an' : 'a'} ${kind}`);
}

function text(key: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(key, value, 'a property string');
  return value;
}

/**
 * Turns a raw container config into a {@link GuestConfig}: typed scalars (`cpulimit` string →
 * number, 0/1 → booleans), tags split, `rootfs`/`mpN`/`netN`/`unusedN`/`devN`/`features`
 * parsed, unknown keys in `extra`. Throws `InvalidArgumentError` naming the config key when a
 * value cannot be read (the response schema turns that into a `ResponseShapeError`).
 */
export function parseGuestConfig(raw: GuestConfigRaw): GuestConfig {
  const out: Record<string, unknown> = {};
  const mountPoints: Record<number, MountPointConfig> = {};
  const nets: Record<number, NetConfig> = {};
  const unused: Record<number, string> = {};
  const devices: Record<number, DeviceConfig> = {};
  const extra: Record<string, string | number> = {};
  let tags: string[] = [];
  let features = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'digest' || key === 'lxc') continue;
    if (Object.hasOwn(scalarKeys, key)) {
      out[key] = readScalar(key, scalarKeys[key as keyof typeof scalarKeys], value);
      continue;
    }
    const indexed = indexedKeyPattern.exec(key);
    if (indexed) {
      const kind = indexed[1] as keyof typeof indexedKeyLimits;
      const index = Number(indexed[2]);
      if (index < indexedKeyLimits[kind]) {
        if (kind === 'net') nets[index] = parseNet(text(key, value), key);
        else if (kind === 'mp') mountPoints[index] = parseMountPoint(text(key, value), key);
        else if (kind === 'dev') devices[index] = parseDevice(text(key, value), key);
        else unused[index] = parseUnused(text(key, value), key).volume;
        continue;
      }
    }
    if (key === 'rootfs') out.rootfs = parseRootFs(text(key, value), key);
    else if (key === 'features') features = parseFeatures(text(key, value), key);
    else if (key === 'tags') tags = splitList(text(key, value));
    else if (typeof value === 'string' || typeof value === 'number') extra[key] = value;
    else throw new InvalidArgumentError(key, value, 'a string or a number');
  }
  return {
    ...out,
    digest: raw.digest,
    tags,
    mountPoints,
    nets,
    unused,
    devices,
    features,
    lxc: raw.lxc ?? [],
    extra,
  } as GuestConfig;
}
