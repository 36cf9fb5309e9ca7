import { coerce, invalid } from './field-pass.js';
import { type Guest, guestFields, normaliseGuest } from './guest.js';

// A fast path for `GET /nodes/{node}/lxc`, the one list that is both large and read often. It
// accepts exactly what `lxcListSchema` accepts and produces the same output, without valibot's
// per-entry copy and pipeline: a read-only check of every entry first, then normalisation in
// place (the array is the caller's fresh JSON.parse output). Anything it does not accept goes
// to the schema, which reports the exact issue. Internal to the package.

const fields = Object.entries(guestFields);

function acceptable(item: unknown): item is Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const entry = item as Record<string, unknown>;
  if (entry.status !== 'running' && entry.status !== 'stopped') return false;
  if (coerce('integer', entry.vmid) === invalid) return false;
  for (const [key, kind] of fields) {
    const value = entry[key];
    if (value !== undefined && coerce(kind, value) === invalid) return false;
  }
  return true;
}

/**
 * The guests of a container list, normalised as `lxcListSchema` does, or `undefined` when some
 * entry needs the schema's full check (which then names the offending field).
 */
export function fastGuestList(data: unknown): Guest[] | undefined {
  if (!Array.isArray(data)) return undefined;
  for (const item of data) if (!acceptable(item)) return undefined;
  for (const entry of data as Record<string, unknown>[]) {
    entry.vmid = coerce('integer', entry.vmid);
    for (const [key, kind] of fields) {
      const value = entry[key];
      if (value === undefined) continue;
      const coerced = coerce(kind, value);
      if (coerced !== value) entry[key] = coerced;
    }
    normaliseGuest(entry);
  }
  return data as Guest[];
}
