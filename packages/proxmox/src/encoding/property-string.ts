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

// One rule for keys and values, shared by the parser and the serializer, so that whatever one
// accepts the other does too, code point for code point (a property test checks it):
// - a key is letters, digits, `_` and `-`, starting with a letter or digit (PVE's keys are; it
//   also keeps `__proto__` out of the objects the parser builds);
// - a value is not empty or blank, holds no `,` (there is no escape), no C0 control character or
//   DEL (they would corrupt the line-based config file), and no unpaired UTF-16 surrogate (it
//   cannot be sent as UTF-8); a default-key value holds no `=` (it is written bare). Every other
//   code point, U+2028 and U+2029 included, is fine: Perl's `.` only stops at `\n`.
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const controlCharacters = /[\x00-\x1f\x7f]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `key` cannot be a property-string key, or `undefined`. */
function keyProblem(key: string): string | undefined {
  return keyPattern.test(key) ? undefined : 'letters, digits, "_" and "-", starting with a letter or digit';
}

/** Why `value` cannot be a property-string value, or `undefined`. */
function valueProblem(value: unknown, key: string, isDefault: boolean): string | undefined {
  if (typeof value !== 'string' || /^\s*$/.test(value)) return 'a non-empty value';
  if (value.includes(',')) return 'a value without "," (PVE property strings cannot escape it)';
  if (controlCharacters.test(value)) return 'a value without control characters or line breaks';
  if (loneSurrogate.test(value)) return 'a value without unpaired surrogates (it cannot be sent as UTF-8)';
  if (isDefault && value.includes('=')) return `a ${key} without "=" (it is written without "${key}=")`;
  return undefined;
}

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
  const refuse = (expected: string): never => {
    throw new InvalidArgumentError(parameter, text, expected);
  };
  let sawDefault = false;
  for (const part of text.split(',')) {
    if (/^\s*$/.test(part)) continue;
    const equals = part.indexOf('=');
    if (equals >= 0) {
      // `^([^=]+)=(.+)$` in Perl: the key up to the first `=`, then a non-empty value.
      const key = part.slice(0, equals);
      const value = part.slice(equals + 1);
      if (key === '' || value === '') refuse(`key=value items with a key and a value, not '${part}'`);
      const badKey = keyProblem(key);
      if (badKey) refuse(`keys of ${badKey}, not '${key}'`);
      if (Object.hasOwn(pairs, key)) refuse(`a property string without the duplicate key '${key}'`);
      const badValue = valueProblem(value, key, key === layout.defaultKey);
      if (badValue) refuse(`${badValue} for '${key}'`);
      pairs[key] = value;
    } else {
      const { defaultKey } = layout;
      if (defaultKey === undefined) refuse(`key=value items (no default key), not '${part}'`);
      const key = defaultKey as string;
      if (sawDefault || Object.hasOwn(pairs, key)) refuse(`a property string with one '${key}'`);
      const badValue = valueProblem(part, key, true);
      if (badValue) refuse(`${badValue} for '${key}'`);
      sawDefault = true;
      pairs[key] = part;
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
  const badKey = keyProblem(key);
  if (badKey) throw new InvalidArgumentError(`${parameter} key`, key, badKey);
  const badValue = valueProblem(value, key, isDefault);
  if (badValue) throw new InvalidArgumentError(`${parameter}.${key}`, value, badValue);
}
