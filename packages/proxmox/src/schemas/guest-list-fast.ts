import { dangerousKeys } from './dangerous-keys.js';
import { coerce, type FieldKind, invalid } from './field-pass.js';
import { type Guest, guestFields, normaliseGuest } from './guest.js';

// A fast path for `GET /nodes/{node}/lxc`, the one list that is both large and read often. It
// accepts exactly what `lxcListSchema` accepts and produces the same output, without valibot's
// per-entry copy and pipeline: a read-only check of every entry first, then normalisation in
// place (the array is the caller's fresh JSON.parse output). Anything it does not accept goes
// to the schema, which reports the exact issue. Internal to the package.

const keys = Object.keys(guestFields);
const kinds = Object.values(guestFields) as FieldKind[];
const count = keys.length;

/** The common case, already in its output form: no coercion needed. */
function exact(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'flag':
      return typeof value === 'boolean';
  }
}

/** 0: entry refused; 1: accepted as is; 2: accepted, some field needs coercion. */
function check(item: unknown): 0 | 1 | 2 {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 0;
  const entry = item as Record<string, unknown>;
  if (entry.status !== 'running' && entry.status !== 'stopped') return 0;
  let result: 1 | 2 = 1;
  const vmid = entry.vmid;
  if (!(typeof vmid === 'number' && Number.isInteger(vmid))) {
    if (coerce('integer', vmid) === invalid) return 0;
    result = 2;
  }
  for (let index = 0; index < count; index++) {
    const value = entry[keys[index] as string];
    if (value === undefined) continue;
    const kind = kinds[index] as FieldKind;
    if (exact(kind, value)) continue;
    if (coerce(kind, value) === invalid) return 0;
    result = 2;
  }
  return result;
}

/** Drops own `__proto__`, `prototype` and `constructor` keys, as the schema's copy does. */
function dropDangerousKeys(entry: Record<string, unknown>): void {
  for (const key of dangerousKeys) if (Object.hasOwn(entry, key)) delete entry[key];
}

function coerceAll(entry: Record<string, unknown>): void {
  entry.vmid = coerce('integer', entry.vmid);
  for (let index = 0; index < count; index++) {
    const key = keys[index] as string;
    const value = entry[key];
    if (value === undefined) continue;
    const coerced = coerce(kinds[index] as FieldKind, value);
    if (coerced !== value) entry[key] = coerced;
  }
}

/**
 * The guests of a container list, normalised as `lxcListSchema` does, or `undefined` when some
 * entry needs the schema's full check (which then names the offending field).
 */
export function fastGuestList(data: unknown): Guest[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const needs = new Uint8Array(data.length);
  for (let index = 0; index < data.length; index++) {
    const verdict = check(data[index]);
    if (verdict === 0) return undefined;
    needs[index] = verdict;
  }
  for (let index = 0; index < data.length; index++) {
    const entry = data[index] as Record<string, unknown>;
    if (needs[index] === 2) coerceAll(entry);
    dropDangerousKeys(entry);
    normaliseGuest(entry);
  }
  return data as Guest[];
}
