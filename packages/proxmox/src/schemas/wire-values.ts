// How the SDK reads the scalar values Proxmox VE sends, in one place: the response shapes (both
// their valibot schemas and their generated checkers), the task schemas, the guest-config
// parser and the envelope's `total` all read numbers, flags and text through these functions.
// PVE's JSON is loosely typed (docs/pve-behaviour.md#return-shapes): integers and sizes arrive
// as decimal strings on older hosts, flags as 0/1, "0"/"1" or "" (PVE ≤ 6), loadavg and
// `cpulimit` as text. Each rule comes as a pair: `isWire…` says whether a value is acceptable
// (it never throws), `readWire…` turns an accepted value into the output (values already in
// their output form come back unchanged). Internal to the package.
//
// Request values are checked by other rules on purpose (encoding/typed-format.ts): what the
// SDK sends must match PVE's parameter formats, not whatever old hosts used to answer with.

const integerText = /^-?\d+$/;
const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * An integer: a JSON number that is an integer, or decimal integer text (`"100"`, `"-24576"`)
 * whose value is finite (text so long that it reads as `Infinity` is refused).
 */
export function isWireInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value);
  return typeof value === 'string' && integerText.test(value) && Number.isFinite(Number(value));
}

/** The number an accepted integer stands for. */
export function readWireInteger(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * A number: a finite JSON number, or numeric text (`"0.15"`, `"3400.000"`, `"1e3"`) whose value
 * is finite (`"1e999"` is refused).
 */
export function isWireNumber(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && numberText.test(value) && Number.isFinite(Number(value));
}

/** The number an accepted number stands for. */
export function readWireNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * A flag: `0`/`1`, `"0"`/`"1"`, `""` (PVE ≤ 6 sent `template: ""`) or a JSON boolean. Any other
 * value is refused rather than guessed at.
 */
export function isWireFlag(value: unknown): boolean {
  return (
    value === 0 || value === 1 || typeof value === 'boolean' || value === '0' || value === '1' || value === ''
  );
}

/** The boolean an accepted flag stands for. */
export function readWireFlag(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}

/** Text: a string, or a finite number PVE sent unquoted (a task `id` of `100`, a config value). */
export function isWireText(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The string accepted text stands for (a number in its JavaScript decimal form). */
export function readWireText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** A scalar kept as sent: a string or a finite number (`cpuinfo.family` is either). */
export function isWireScalar(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Splits a PVE list string (`content` = `images,rootdir`, `nodes` = `pve1,pve2`, tags
 * `a;b`) into its non-empty items. PVE's own `split_list` accepts `,`, `;` and whitespace.
 * Returns a new array on every call: the caller may keep or change it.
 */
export function splitList(text: string): string[] {
  // This runs once per guest of every container list, and a node's guests share a handful of
  // tag strings: copying the items of a recent text costs a third of splitting it again.
  const recent = recentLists.get(text);
  if (recent !== undefined) return recent.slice();
  const items = split(text);
  if (text.length <= maxRecentLength) {
    if (recentLists.size >= maxRecentLists) recentLists.clear();
    recentLists.set(text, items.slice());
  }
  return items;
}

/** The items of recently split short texts (bounded: at most 256 texts of 64 characters). */
const recentLists = new Map<string, readonly string[]>();
const maxRecentLists = 256;
const maxRecentLength = 64;

function split(text: string): string[] {
  if (separatorsOtherThanSemicolon.test(text)) return text.split(/[,;\s]+/).filter(nonEmpty);
  // The `a;b` form PVE writes: a plain split, filtered only when it left an empty item
  // (`""`, `;a`, `a;;b`).
  const items = text.split(';');
  return items.includes('') ? items.filter(nonEmpty) : items;
}

const separatorsOtherThanSemicolon = /[,\s]/;
const nonEmpty = (item: string): boolean => item.length > 0;
