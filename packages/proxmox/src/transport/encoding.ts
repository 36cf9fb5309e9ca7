import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/** A query or form parameter value: booleans go as `1`/`0`, `undefined` drops the parameter. */
export type ParameterValue = string | number | boolean | undefined;

/**
 * Query or form parameters of {@link ProxmoxClient.request}. An array sends the key once per
 * item, which is how pveproxy reads a parameter of type `array`.
 */
export type RequestParameters = Readonly<Record<string, ParameterValue | readonly ParameterValue[]>>;

/**
 * Encodes parameters the way pveproxy reads them: booleans as `1`/`0` (PVE's boolean type),
 * numbers in decimal, `undefined` dropped. Used for both query strings and form bodies.
 *
 * @throws {InvalidArgumentError} for a non-finite number (it would reach the host as `NaN`).
 */
export function encodeParameters(parameters: RequestParameters, where: string): URLSearchParams {
  const encoded = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (Array.isArray(value)) for (const item of value) appendParameter(encoded, key, item, where);
    else appendParameter(encoded, key, value as ParameterValue, where);
  }
  return encoded;
}

function appendParameter(encoded: URLSearchParams, key: string, value: ParameterValue, where: string): void {
  if (value === undefined) return;
  if (typeof value === 'boolean') encoded.append(key, value ? '1' : '0');
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentError(`${where}.${key}`, value, 'a finite number');
    encoded.append(key, String(value));
  } else encoded.append(key, value);
}

/**
 * Percent-encodes one path segment (a node name, a vmid, a UPID, a volume id such as
 * `local:backup/vzdump-lxc-100.tar.zst`) for use in {@link ProxmoxClient.request} paths.
 *
 * @example
 * ```ts
 * client.request('GET', `/nodes/${encodePathSegment(node)}/tasks/${encodePathSegment(upid)}/status`);
 * ```
 */
export function encodePathSegment(segment: string | number): string {
  return encodeURIComponent(String(segment));
}
