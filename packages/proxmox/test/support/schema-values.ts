import { formatChecks } from './pve-formats.js';

// Checks one parameter value against its PVE JSON-schema property, the way
// `PVE::JSONSchema::check_prop` does, on the form-encoded string the client sends.
// Test support only; never shipped.

/** A property of a PVE API schema (parameters or property-string sub-schemas). */
export interface SchemaProperty {
  readonly type?: string;
  readonly format?: string | Readonly<Record<string, SchemaProperty>>;
  readonly enum?: readonly string[];
  readonly optional?: number | boolean;
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly requires?: string;
  readonly default_key?: number | boolean;
  readonly alias?: string;
  /** With `alias`: the key this one's name is the value of (`virtio=MAC` sets `model=virtio`). */
  readonly keyAlias?: string;
  readonly items?: SchemaProperty;
  /** Alternatives chosen by another parameter's value (SDN fabrics, PVE 9.0+). */
  readonly oneOf?: readonly SchemaProperty[];
}

const booleanTrue = /^(?:1|true|yes|on)$/i;
const booleanFalse = /^(?:0|false|no|off)$/i;

/** Perl's `(?^:…)`/`(?^i:…)` groups → a JS RegExp, anchored as PVE anchors patterns. */
export function perlPattern(pattern: string): RegExp {
  const caseless = /\(\?\^?i:/.test(pattern);
  const source = pattern.replace(/\(\?\^?[a-z]*:/g, '(?:');
  return new RegExp(`^(?:${source})$`, caseless ? 'i' : '');
}

function checkType(type: string | undefined, value: string): string | undefined {
  switch (type) {
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? undefined : `type check ('integer') failed - got '${value}'`;
    case 'number':
      return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value)
        ? undefined
        : `type check ('number') failed - got '${value}'`;
    case 'boolean':
      if (value === '1' || value === '0') return undefined;
      if (booleanTrue.test(value) || booleanFalse.test(value)) {
        return `boolean sent as '${value}': PVE accepts it, but the client's contract is 1/0`;
      }
      return `type check ('boolean') failed - got '${value}'`;
    default:
      return undefined;
  }
}

/** Splits a property string into key → value, the default key taking a bare item. */
function parsePropertyString(
  value: string,
  schema: Readonly<Record<string, SchemaProperty>>,
): { entries: Map<string, string>; problem?: string } {
  const entries = new Map<string, string>();
  const defaultKey = Object.keys(schema).find((key) => schema[key]?.default_key);
  for (const part of value.split(',')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [given, item] = eq === -1 ? [defaultKey, part] : [part.slice(0, eq), part.slice(eq + 1)];
    if (given === undefined)
      return { entries, problem: `value without a key ('${part}') and no default key` };
    // PVE's parse_property_string: an alias stands for another key; with `keyAlias` its own name
    // is that key's value (a VM NIC's `virtio=MAC` is `model=virtio,macaddr=MAC`).
    const { alias, keyAlias } = schema[given] ?? {};
    if (keyAlias !== undefined) {
      if (entries.has(keyAlias)) return { entries, problem: `key '${keyAlias}' is already set` };
      entries.set(keyAlias, given);
    }
    const key = alias ?? given;
    if (entries.has(key))
      return { entries, problem: `duplicate key in comma-separated list property: ${key}` };
    entries.set(key, item);
  }
  return { entries };
}

function checkPropertyString(
  value: string,
  schema: Readonly<Record<string, SchemaProperty>>,
): string | undefined {
  const { entries, problem } = parsePropertyString(value, schema);
  if (problem) return problem;
  for (const [key, item] of entries) {
    const sub = schema[key];
    if (!sub) return `invalid key in comma-separated list property: ${key}`;
    const reason = checkValue(sub, item);
    if (reason) return `${key}: ${reason}`;
  }
  for (const [key, sub] of Object.entries(schema)) {
    if (!sub.optional && !entries.has(key) && !sub.alias)
      return `property '${key}' is missing and it is not optional`;
  }
  return undefined;
}

/** Why `value` breaks `schema`, or undefined when it conforms. */
export function checkValue(schema: SchemaProperty, value: string): string | undefined {
  const typeProblem = checkType(schema.type, value);
  if (typeProblem) return typeProblem;
  if (schema.enum && !schema.enum.includes(value)) {
    return `value '${value}' does not have a value in the enumeration '${schema.enum.join(', ')}'`;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const number = Number(value);
    if (schema.minimum !== undefined && number < Number(schema.minimum)) {
      return `value must have a minimum value of ${schema.minimum}`;
    }
    if (schema.maximum !== undefined && number > Number(schema.maximum)) {
      return `value must have a maximum value of ${schema.maximum}`;
    }
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    return `value may only be ${schema.maxLength} characters long`;
  }
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return `value must be at least ${schema.minLength} characters long`;
  }
  if (schema.pattern !== undefined && !perlPattern(schema.pattern).test(value)) {
    return 'value does not match the regex pattern';
  }
  if (typeof schema.format === 'object') return checkPropertyString(value, schema.format);
  if (typeof schema.format === 'string') return formatChecks[schema.format]?.(value);
  return undefined;
}
