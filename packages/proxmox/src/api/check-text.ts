import { parsePropertyString } from '../encoding/property-string.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { checkFormat } from './formats/index.js';
import type { SchemaNode } from './schema.js';

// Checks a value as it will go over the wire (the text pveproxy receives) against its schema
// node, the way PVE::JSONSchema::check_prop does: type, enum, limits, length, pattern, named
// format or property string.

const integerText = /^[+-]?\d+$/;
// PVE::JSONSchema::is_number
const numberText = /^[+-]?(?:\d+\.\d+|\d+\.|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;
const booleanText = /^(?:1|0|on|off|yes|no|true|false)$/i;

const patterns = new Map<string, RegExp>();

function patternOf(node: SchemaNode): RegExp {
  const key = `${node.caseless ? 'i' : ''}${node.pattern}`;
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(node.pattern as string, node.caseless ? 'iu' : 'u');
    patterns.set(key, re);
  }
  return re;
}

/** The property-string layout of a format: its default key and the keys PVE requires. */
export function layoutOf(format: Readonly<Record<string, SchemaNode>>): {
  defaultKey?: string;
  requiredKeys: string[];
} {
  const keys = Object.keys(format);
  const defaultKey = keys.find((key) => format[key]?.default_key);
  const requiredKeys = keys.filter((key) => !format[key]?.optional && !format[key]?.alias);
  return defaultKey === undefined ? { requiredKeys } : { defaultKey, requiredKeys };
}

/** Why a property string breaks its format, in PVE's words, or undefined. */
function propertyStringProblem(
  format: Readonly<Record<string, SchemaNode>>,
  text: string,
  name: string,
): string | undefined {
  let pairs: Record<string, string>;
  try {
    pairs = parsePropertyString(text, layoutOf(format), name);
  } catch (error) {
    return error instanceof InvalidArgumentError ? `a property string of ${error.expected}` : String(error);
  }
  const given = new Set<string>();
  for (const [key, value] of Object.entries(pairs)) {
    const sub = format[key];
    if (!sub) return `invalid key in comma-separated list property: ${key}`;
    const target = sub.alias ?? key;
    if (given.has(target)) return `duplicate key in comma-separated list property: ${target}`;
    given.add(target);
    const problem = textProblem(sub.alias ? (format[sub.alias] ?? sub) : sub, value, `${name}.${key}`);
    if (problem) return `${key}: ${problem}`;
  }
  for (const [key, sub] of Object.entries(format)) {
    if (!sub.optional && !sub.alias && !given.has(key))
      return `property '${key}' is missing and it is not optional`;
  }
  // A key may need another (`gw` needs `ip`): PVE's check_object looks at `requires` here too.
  for (const key of given) {
    const requires = format[key]?.requires;
    if (requires !== undefined && !given.has(requires))
      return `${requires}: missing property required by '${key}'`;
  }
  return undefined;
}

/** Why `text` breaks `node` (PVE's check_prop on a string), or undefined when it conforms. */
export function textProblem(node: SchemaNode, text: string, name: string): string | undefined {
  switch (node.type) {
    case 'integer':
      if (!integerText.test(text)) return `type check ('integer') failed - got '${text}'`;
      break;
    case 'number':
      if (!numberText.test(text)) return `type check ('number') failed - got '${text}'`;
      break;
    case 'boolean':
      if (!booleanText.test(text)) return `type check ('boolean') failed - got '${text}'`;
      break;
    default:
      break;
  }
  if (node.enum && !node.enum.includes(text)) {
    return `value '${text}' does not have a value in the enumeration '${node.enum.join(', ')}'`;
  }
  if (node.type === 'integer' || node.type === 'number') {
    const number = Number(text);
    if (node.minimum !== undefined && number < node.minimum)
      return `value must have a minimum value of ${node.minimum}`;
    if (node.maximum !== undefined && number > node.maximum)
      return `value must have a maximum value of ${node.maximum}`;
    return undefined;
  }
  if (node.type === 'boolean') return undefined;
  if (node.maxLength !== undefined || node.minLength !== undefined) {
    const length = [...text].length;
    if (node.maxLength !== undefined && length > node.maxLength) {
      return `value may only be ${node.maxLength} characters long`;
    }
    if (node.minLength !== undefined && length < node.minLength) {
      return `value must be at least ${node.minLength} characters long`;
    }
  }
  if (node.pattern !== undefined && !patternOf(node).test(text))
    return 'value does not match the regex pattern';
  if (typeof node.format === 'string') return checkFormat(node.format, text);
  if (node.format) return propertyStringProblem(node.format, text, name);
  return undefined;
}
