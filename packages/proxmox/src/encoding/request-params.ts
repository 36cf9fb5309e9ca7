import { InvalidArgumentError } from '../errors/index.js';

/** A scalar request parameter value before encoding. */
export type ParamScalar = string | number | boolean;

/** Request parameters before encoding: scalars, lists (joined with `,`), or `undefined` (dropped). */
export type RequestParams = Readonly<Record<string, ParamScalar | readonly ParamScalar[] | undefined>>;

function encodeScalar(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentError(key, value, 'a finite number');
    return String(value);
  }
  if (typeof value === 'string') return value;
  throw new InvalidArgumentError(key, value, 'a string, number or boolean');
}

/**
 * Encodes request parameters the way PVE reads them: booleans as `1`/`0`, numbers in decimal,
 * lists joined with `,` (PVE's `-list` formats, e.g. `delete=mp0,net1`, vzdump `vmid=100,101`),
 * `undefined` and empty lists dropped. Throws `InvalidArgumentError` for a non-finite number,
 * a list item containing `,`, or a value of another type.
 */
export function toRequestParams(params: RequestParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const items = value.map((item) => encodeScalar(key, item));
      if (items.some((item) => item.includes(',') || item.length === 0)) {
        throw new InvalidArgumentError(key, value, 'list items that are non-empty and contain no ","');
      }
      if (items.length > 0) out[key] = items.join(',');
      continue;
    }
    out[key] = encodeScalar(key, value);
  }
  return out;
}
