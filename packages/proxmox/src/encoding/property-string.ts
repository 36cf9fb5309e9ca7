import { InvalidArgumentError } from '../errors/index.js';

// PVE's property-string grammar, as implemented by pve-common PVE::JSONSchema
// parse_property_string / print_property_string:
// - items are split on every `,` (there is no escaping: a value can never contain a comma);
// - an item `key=value` splits at the first `=`, so a value may contain `=`, but it may not be
//   empty (`key=` is "missing key");
// - an item without `=` is the value of the format's default key (`volume` for rootfs/mpN,
//   `path` for devN); a second such item is a duplicate;
// - whitespace-only items are skipped; a repeated key is an error;
// - printing puts the default key first (bare), then the required keys sorted, then the rest
//   sorted. That order is what PVE writes to the config file, so it is our canonical form.

/** How a raw property string is read and written. */
export interface PropertyStringLayout {
  /** The key whose value may appear without `key=` (and is printed that way). */
  readonly defaultKey?: string;
  /** Keys PVE marks as not optional; printed right after the default key. */
  readonly requiredKeys?: readonly string[];
}

/** A key PVE could have defined: letters, digits, `_` and `-`, starting with a letter or digit. */
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** `^([^=]+)=(.+)$` in Perl: the key up to the first `=`, then a non-empty value. */
const keyValuePattern = /^([^=]+)=(.+)$/;
// Control characters would corrupt the line-based config file PVE writes the value into.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const controlCharacters = /[\x00-\x1f\x7f]/;

/**
 * Parses a property string (`name=eth0,bridge=vmbr0,ip=dhcp`,
 * `local-lvm:vm-100-disk-0,mp=/srv,size=8G`) into its raw key/value pairs, in the order given.
 * Throws `InvalidArgumentError` naming `parameter` on a malformed string.
 */
export function parsePropertyString(
  text: string,
  layout: PropertyStringLayout = {},
  parameter = 'property string',
): Record<string, string> {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(parameter, text, 'a property string');
  }
  const pairs: Record<string, string> = Object.create(null);
  let sawDefault = false;
  for (const part of text.split(',')) {
    if (/^\s*$/.test(part)) continue;
    const match = keyValuePattern.exec(part);
    if (match) {
      const key = match[1] as string;
      if (Object.hasOwn(pairs, key)) {
        throw new InvalidArgumentError(
          parameter,
          text,
          `a property string without the duplicate key '${key}'`,
        );
      }
      pairs[key] = match[2] as string;
    } else if (!part.includes('=')) {
      const { defaultKey } = layout;
      if (defaultKey === undefined) {
        throw new InvalidArgumentError(parameter, text, `key=value items (no default key), not '${part}'`);
      }
      if (sawDefault || Object.hasOwn(pairs, defaultKey)) {
        throw new InvalidArgumentError(parameter, text, `a property string with one '${defaultKey}'`);
      }
      sawDefault = true;
      pairs[defaultKey] = part;
    } else {
      throw new InvalidArgumentError(
        parameter,
        text,
        `key=value items with a key and a value, not '${part}'`,
      );
    }
  }
  // A plain object (not null-prototype) for callers, with keys in the order they came.
  return { ...pairs };
}

/**
 * Prints raw key/value pairs as a property string in PVE's canonical order (default key bare
 * and first, then required keys sorted, then the rest sorted). Throws `InvalidArgumentError`
 * for a value PVE could not read back: empty, containing `,` or a control character, or a
 * default-key value containing `=`.
 */
export function serializePropertyString(
  pairs: Readonly<Record<string, string>>,
  layout: PropertyStringLayout = {},
  parameter = 'property string',
): string {
  const { defaultKey, requiredKeys = [] } = layout;
  const keys = Object.keys(pairs);
  for (const key of keys) {
    assertWritable(parameter, key, pairs[key] as string, key === defaultKey);
  }
  const required = new Set(requiredKeys);
  const ordered = [
    ...keys.filter((key) => key !== defaultKey && required.has(key)).sort(),
    ...keys.filter((key) => key !== defaultKey && !required.has(key)).sort(),
  ];
  const items = ordered.map((key) => `${key}=${pairs[key]}`);
  if (defaultKey !== undefined && Object.hasOwn(pairs, defaultKey)) {
    items.unshift(pairs[defaultKey] as string);
  }
  return items.join(',');
}

function assertWritable(parameter: string, key: string, value: string, isDefault: boolean): void {
  if (!keyPattern.test(key)) {
    throw new InvalidArgumentError(`${parameter} key`, key, 'letters, digits, "_" and "-"');
  }
  const where = `${parameter}.${key}`;
  if (typeof value !== 'string' || /^\s*$/.test(value)) {
    throw new InvalidArgumentError(where, value, 'a non-empty value');
  }
  if (value.includes(',')) {
    throw new InvalidArgumentError(
      where,
      value,
      'a value without "," (PVE property strings cannot escape it)',
    );
  }
  if (controlCharacters.test(value)) {
    throw new InvalidArgumentError(where, value, 'a value without control characters or line breaks');
  }
  if (isDefault && value.includes('=')) {
    throw new InvalidArgumentError(where, value, `a ${key} without "=" (it is written without "${key}=")`);
  }
}
