import { createHash } from 'node:crypto';

/**
 * A guest's config as `/etc/pve/nodes/<node>/lxc/<vmid>.conf` (or `…/qemu-server/<vmid>.conf`)
 * stores it: raw `key: value` strings, the `[PENDING]` section, snapshot sections, and the digest
 * PVE derives from the file text.
 */

/** One snapshot section of a config file. */
export interface SimSnapshot {
  /** The snapshotted config keys, raw strings (may hold `parent`). */
  readonly config: Map<string, string>;
  /** Seconds since the epoch. */
  readonly snaptime: number;
  description: string;
  /** `prepare` while being taken, `delete` while being removed. */
  snapstate: string | undefined;
}

const HIDDEN_KEYS = new Set(['description', 'digest', 'snapshots', 'snapstate', 'snaptime']);

/**
 * `generate_raw_config` of `write_pct_config` (pve-container) and `write_vm_config`
 * (qemu-server): description as `#` lines, then sorted keys.
 */
function renderSection(
  config: ReadonlyMap<string, string>,
  extra?: { snaptime?: number; snapstate?: string },
): string {
  let raw = '';
  for (const line of (config.get('description') ?? '').split('\n')) {
    if (line !== '') raw += `#${encodeURIComponent(line).replace(/%20/g, ' ')}\n`;
  }
  const entries = new Map(config);
  if (extra?.snaptime !== undefined) entries.set('snaptime', String(extra.snaptime));
  if (extra?.snapstate !== undefined) entries.set('snapstate', extra.snapstate);
  for (const key of [...entries.keys()].sort()) {
    if (key === 'description' || key === 'digest') continue;
    raw += `${key}: ${entries.get(key)}\n`;
  }
  return raw;
}

/**
 * The config file text, `[PENDING]` and snapshot sections included, exactly as its digest is
 * computed from it.
 */
export function renderConfigFile(
  config: ReadonlyMap<string, string>,
  snapshots: ReadonlyMap<string, SimSnapshot>,
  pending?: ReadonlyMap<string, string>,
): string {
  let raw = renderSection(config);
  if (pending !== undefined && pending.size > 0) raw += `\n[PENDING]\n${renderSection(pending)}`;
  for (const name of [...snapshots.keys()].sort()) {
    const snap = snapshots.get(name)!;
    const section = new Map(snap.config);
    if (snap.description !== '') section.set('description', snap.description);
    raw += `\n[${name}]\n${renderSection(section, { snaptime: snap.snaptime, ...(snap.snapstate ? { snapstate: snap.snapstate } : {}) })}`;
  }
  return raw;
}

/** `sha1_hex` of the config file text: the `digest` GET config returns and PUT config compares. */
export function configDigest(
  config: ReadonlyMap<string, string>,
  snapshots: ReadonlyMap<string, SimSnapshot>,
  pending?: ReadonlyMap<string, string>,
): string {
  return createHash('sha1')
    .update(renderConfigFile(config, snapshots, pending))
    .digest('hex');
}

/** How `check_type` reads a key: integers and booleans become JSON numbers, the rest stays text. */
export type SimConfigKeyKind = 'integer' | 'boolean' | 'string';

const LXC_INTEGER_KEYS = new Set(['cores', 'memory', 'swap', 'cpuunits', 'tty', 'snaptime']);
const LXC_BOOLEAN_KEYS = new Set(['onboot', 'console', 'protection', 'template', 'unprivileged', 'debug']);

/** The kinds of container config keys (pve-container `PVE::LXC::Config` `$confdesc`). */
export function lxcKeyKind(key: string): SimConfigKeyKind {
  if (LXC_INTEGER_KEYS.has(key)) return 'integer';
  return LXC_BOOLEAN_KEYS.has(key) ? 'boolean' : 'string';
}

/**
 * The GET config representation: `check_type` makes integers and booleans JSON numbers; everything
 * else (including `cpulimit`, a schema "number") stays a string.
 */
export function typedConfig(
  config: ReadonlyMap<string, string>,
  kindOf: (key: string) => SimConfigKeyKind = lxcKeyKind,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of config) {
    if (HIDDEN_KEYS.has(key) && key !== 'description') continue;
    const kind = kindOf(key);
    if (kind === 'integer') out[key] = Number.parseInt(value, 10);
    else if (kind === 'boolean') out[key] = value === '1' ? 1 : 0;
    else out[key] = value;
  }
  return out;
}

/** Parses a PVE property string (`name=eth0,bridge=vmbr0`; a leading bare value is the default key). */
export function parsePropertyString(value: string, defaultKey?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(',')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq === -1 && defaultKey !== undefined && !out.has(defaultKey)) out.set(defaultKey, part);
    else if (eq !== -1) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

/** Size strings of rootfs/mp volumes (`8G`, `512M`) in bytes. */
export function parseDiskSize(size: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([KMGT]?)$/.exec(size ?? '');
  if (!m) return 0;
  const scale = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[
    m[2] as '' | 'K' | 'M' | 'G' | 'T'
  ];
  return Math.round(Number.parseFloat(m[1]!) * scale);
}
