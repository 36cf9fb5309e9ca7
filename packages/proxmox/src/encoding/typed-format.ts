import { InvalidArgumentError } from '../errors/index.js';
import { parsePropertyString, serializePropertyString } from './property-string.js';
import { limitsProblem, type ValueLimits } from './value-constraint.js';

/** How one field of a typed property string is encoded. */
export type FieldType = 'string' | 'boolean' | 'integer' | 'number' | 'string-list' | 'integer-list';

/**
 * One field: the PVE key it is written under, its type, its role, and the limits the API schema
 * sets on it (checked when writing, not when reading what a host sent).
 */
export interface FieldSpec extends ValueLimits {
  /** The key in the property string (`host-managed`), when it differs from the property name. */
  readonly key: string;
  readonly type: FieldType;
  /** PVE's `default_key`: may be written without `key=`. */
  readonly defaultKey?: boolean;
  /** PVE marks the key as not optional. */
  readonly required?: boolean;
}

/** A typed property-string format: property name → field spec. */
export interface PropertyFormat {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /**
   * Keys PVE reads as another key (`volume` for a drive's `file`): read under the key they stand
   * for, never written.
   */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** Every typed property-string object may carry keys this SDK does not know, verbatim. */
export interface WithExtra {
  /** Keys the host sent that this SDK does not model (newer PVE), kept verbatim for round trips. */
  readonly extra?: Readonly<Record<string, string>>;
}

// PVE::JSONSchema::parse_boolean
const truthy = /^(?:1|on|yes|true)$/i;
const falsy = /^(?:0|off|no|false)$/i;
const integerText = /^[+-]?\d+$/;
// PVE::JSONSchema::is_number
const numberText = /^[+-]?(?:\d+\.\d+|\d+\.|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;

function layoutOf(format: PropertyFormat) {
  const specs = Object.values(format.fields);
  const defaultKey = specs.find((spec) => spec.defaultKey)?.key;
  const requiredKeys = specs.filter((spec) => spec.required).map((spec) => spec.key);
  return defaultKey === undefined ? { requiredKeys } : { defaultKey, requiredKeys };
}

function decodeField(spec: FieldSpec, text: string, where: string): unknown {
  switch (spec.type) {
    case 'string':
      return text;
    case 'boolean':
      if (truthy.test(text)) return true;
      if (falsy.test(text)) return false;
      throw new InvalidArgumentError(where, text, 'a boolean (1/0, on/off, yes/no, true/false)');
    case 'integer':
      if (integerText.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
      throw new InvalidArgumentError(where, text, 'an integer');
    case 'number':
      if (numberText.test(text) && Number.isFinite(Number(text))) return Number(text);
      throw new InvalidArgumentError(where, text, 'a number');
    case 'string-list':
      return text.split(';').filter((item) => item.length > 0);
    case 'integer-list':
      return text
        .split(';')
        .filter((item) => item.length > 0)
        .map((item) => decodeField({ ...spec, type: 'integer' }, item, where));
  }
}

function encodeField(spec: FieldSpec, value: unknown, where: string): string | undefined {
  const encoded = encodeType(spec, value, where);
  if ((typeof value === 'number' || typeof value === 'string') && encoded !== undefined) {
    const problem = limitsProblem(value, spec);
    if (problem) throw new InvalidArgumentError(where, value, `${describeType(spec.type)} ${problem}`);
  }
  return encoded;
}

function encodeType(spec: FieldSpec, value: unknown, where: string): string | undefined {
  switch (spec.type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? '1' : '0';
      break;
    case 'integer':
      if (Number.isSafeInteger(value)) return String(value);
      break;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      break;
    case 'string-list':
    case 'integer-list': {
      if (!Array.isArray(value)) break;
      const itemSpec: FieldSpec = { ...spec, type: spec.type === 'string-list' ? 'string' : 'integer' };
      const items = value.map((item) => encodeField(itemSpec, item, where) as string);
      for (const item of items) {
        if (item.length === 0 || item.includes(';')) {
          throw new InvalidArgumentError(where, value, 'list items that are non-empty and contain no ";"');
        }
      }
      // An empty list is "not set": PVE cannot read `key=`.
      return items.length > 0 ? items.join(';') : undefined;
    }
  }
  throw new InvalidArgumentError(where, value, describeType(spec.type));
}

function describeType(type: FieldType): string {
  switch (type) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'integer':
      return 'a safe integer';
    case 'number':
      return 'a finite number';
    case 'string-list':
      return 'an array of strings';
    case 'integer-list':
      return 'an array of integers';
  }
}

/**
 * Parses a property string into the typed object `format` describes. Keys it does not know go
 * to `extra`. Throws `InvalidArgumentError` naming `parameter` (e.g. `net0`) when malformed.
 */
export function parseTyped<T extends WithExtra>(format: PropertyFormat, text: string, parameter: string): T {
  return decodePairs<T>(format, parsePropertyString(text, layoutOf(format), parameter), parameter, text);
}

/**
 * The typed object for raw key/value pairs already split from `text` (for formats whose raw
 * pairs need a step of their own first, such as a VM NIC's `virtio=MAC`). Aliases are read
 * under the key they stand for; a key given both ways is refused.
 */
export function decodePairs<T extends WithExtra>(
  format: PropertyFormat,
  pairs: Readonly<Record<string, string>>,
  parameter: string,
  text: string,
): T {
  const raw: Record<string, string> = { ...pairs };
  for (const [alias, key] of Object.entries(format.aliases ?? {})) {
    if (!Object.hasOwn(raw, alias)) continue;
    if (Object.hasOwn(raw, key)) {
      throw new InvalidArgumentError(parameter, text, `a ${format.name} with either ${key} or ${alias}`);
    }
    raw[key] = raw[alias] as string;
    delete raw[alias];
  }
  const out: Record<string, unknown> = {};
  const extra: Record<string, string> = {};
  const byKey = new Map(
    Object.entries(format.fields).map(([prop, spec]) => [spec.key, [prop, spec] as const]),
  );
  for (const [key, value] of Object.entries(raw)) {
    const known = byKey.get(key);
    if (known) out[known[0]] = decodeField(known[1], value, `${parameter}.${key}`);
    else extra[key] = value;
  }
  for (const [prop, spec] of Object.entries(format.fields)) {
    if (spec.required && !(prop in out)) {
      throw new InvalidArgumentError(parameter, text, `a ${format.name} with ${spec.key}`);
    }
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out as T;
}

/**
 * Serialises a typed object into PVE's canonical property string (booleans as 1/0, lists
 * joined with `;`, `undefined` fields dropped, `extra` keys included). Throws
 * `InvalidArgumentError` naming `parameter` for a missing required field or a value PVE could
 * not read back.
 */
export function serializeTyped<T extends WithExtra>(
  format: PropertyFormat,
  value: T,
  parameter: string,
): string {
  return serializePropertyString(encodePairs(format, value, parameter), layoutOf(format), parameter);
}

/**
 * The raw key/value pairs of a typed object, checked as {@link serializeTyped} checks them, for
 * formats that print some pairs their own way (a VM NIC's `virtio=MAC`).
 */
export function encodePairs<T extends WithExtra>(
  format: PropertyFormat,
  value: T,
  parameter: string,
): Record<string, string> {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError(parameter, value, `a ${format.name} object`);
  }
  const pairs: Record<string, string> = {};
  const source = value as Record<string, unknown>;
  for (const [prop, spec] of Object.entries(format.fields)) {
    const field = source[prop];
    if (field === undefined) {
      if (spec.required) {
        throw new InvalidArgumentError(
          `${parameter}.${prop}`,
          field,
          `a value (${format.name} requires ${spec.key})`,
        );
      }
      continue;
    }
    const encoded = encodeField(spec, field, `${parameter}.${prop}`);
    if (encoded !== undefined) pairs[spec.key] = encoded;
  }
  for (const key of Object.keys(source)) {
    if (key !== 'extra' && !Object.hasOwn(format.fields, key)) {
      throw new InvalidArgumentError(
        `${parameter}.${key}`,
        source[key],
        `one of the ${format.name} fields (or extra)`,
      );
    }
  }
  const extra = value.extra ?? {};
  const reserved = new Set([
    ...Object.values(format.fields).map((spec) => spec.key),
    ...Object.keys(format.aliases ?? {}),
  ]);
  for (const [key, text] of Object.entries(extra)) {
    if (Object.hasOwn(pairs, key) || reserved.has(key)) {
      throw new InvalidArgumentError(
        `${parameter}.extra.${key}`,
        text,
        `a key the ${format.name} fields do not cover`,
      );
    }
    pairs[key] = text;
  }
  return pairs;
}
