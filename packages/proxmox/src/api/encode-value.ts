import { serializePropertyString } from '../encoding/property-string.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { layoutOf, textProblem } from './check-text.js';
import type { SchemaNode } from './schema.js';

// Turns what a caller passed for one parameter into the text sent, refusing (InvalidArgumentError
// naming the parameter, before anything is sent) what PVE would refuse: booleans go as 1/0,
// numbers in decimal, property strings may be given as objects and are written in PVE's
// canonical order, `-list` formats may be given as arrays.

// Some parameters carry secrets (a user's `password`, `remote_migrate`'s `target-endpoint` with its
// `apitoken`, a certificate's private `key`). An error never shows such a value, only its name:
// a parameter or property-string key whose last word is one of these, or a property string
// with such a key.
const secretName = /(?:^|[.-])(?:password|passwd|bindpw|secret|token|apitoken|key)$/i;

function holdsSecret(node: SchemaNode | undefined, name: string): boolean {
  if (secretName.test(name.replace(/\[\d+\]$/, ''))) return true;
  return typeof node?.format === 'object' && Object.keys(node.format).some((key) => secretName.test(key));
}

/** An InvalidArgumentError for `name`, showing `value` unless it may hold a secret. */
function refusal(name: string, value: unknown, expected: string, node?: SchemaNode): InvalidArgumentError {
  return new InvalidArgumentError(name, holdsSecret(node, name) ? '[REDACTED]' : value, expected);
}

function describeType(node: SchemaNode): string {
  if (node.enum) return `one of ${node.enum.map((value) => `'${value}'`).join(', ')}`;
  switch (node.type) {
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a finite number';
    case 'boolean':
      return 'a boolean';
    case 'array':
      return 'an array';
    default:
      return typeof node.format === 'object' ? 'a property string or its object' : 'a string';
  }
}

function scalarText(node: SchemaNode, value: unknown, name: string, listSeparator: string): string {
  switch (node.type) {
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      break;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? '1' : '0';
      break;
    case undefined:
    case 'any':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'boolean') return value ? '1' : '0';
      break;
    default: {
      if (typeof value === 'string') return value;
      const format = node.format;
      if (
        typeof format === 'object' &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
      ) {
        return propertyStringText(format, value as Record<string, unknown>, name);
      }
      if (typeof format === 'string' && format.endsWith('-list') && Array.isArray(value)) {
        return value
          .map((item, index) => {
            if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))
              return String(item);
            throw refusal(`${name}[${index}]`, item, 'a string', node);
          })
          .join(listSeparator);
      }
    }
  }
  throw refusal(name, value, describeType(node), node);
}

function propertyStringText(
  format: Readonly<Record<string, SchemaNode>>,
  value: Readonly<Record<string, unknown>>,
  name: string,
): string {
  const pairs: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const sub = format[key];
    if (!sub) {
      throw refusal(`${name}.${key}`, item, `one of the keys ${Object.keys(format).join(', ')}`);
    }
    // Inside a property string a list cannot use commas: its items are joined with `;`.
    pairs[key] = encodeText(sub, item, `${name}.${key}`, ';');
  }
  for (const [key, sub] of Object.entries(format)) {
    if (!sub.optional && !sub.alias && pairs[key] === undefined) {
      throw new InvalidArgumentError(`${name}.${key}`, undefined, 'a value (the key is not optional)');
    }
  }
  return serializePropertyString(pairs, layoutOf(format), name);
}

/**
 * The text of one value (one item of an array parameter), checked against its schema node.
 *
 * @throws {InvalidArgumentError} naming `name` (or `name.key` inside a property string).
 */
export function encodeText(node: SchemaNode, value: unknown, name: string, listSeparator = ','): string {
  const text = scalarText(node, value, name, listSeparator);
  const problem = textProblem(node, text, name);
  if (problem) throw refusal(name, value, `a value PVE accepts (${problem})`, node);
  return text;
}

/**
 * The texts of one parameter: one for a scalar, one per item for an `array` parameter (sent as
 * the key repeated, which is how pveproxy reads arrays).
 */
export function encodeParameter(node: SchemaNode, value: unknown, name: string): string | string[] {
  if (node.oneOf && node.oneOf.length > 0) return encodeAlternative(node, node.oneOf, value, name);
  if (node.type !== 'array') return encodeText(node, value, name);
  const items = Array.isArray(value) ? value : [value];
  const itemNode = node.items ?? {};
  return items.map((item, index) => encodeText(itemNode, item, `${name}[${index}]`));
}

/**
 * A parameter with alternatives (`oneOf`, chosen on the host by another parameter's value):
 * the first alternative the value fits. Which one the host picks is its business; a value that
 * fits none is refused with the first alternative's reason.
 */
function encodeAlternative(
  node: SchemaNode,
  alternatives: readonly SchemaNode[],
  value: unknown,
  name: string,
): string | string[] {
  let first: unknown;
  for (const alternative of alternatives) {
    try {
      const { oneOf: _alternatives, ...rest } = node;
      return encodeParameter({ ...rest, ...alternative }, value, name);
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}
