import type { SchemaNode, SchemaType } from '../../packages/proxmox/src/api/schema.js';
import { translatePerlPattern } from './perl-pattern.js';
import type { RawProperty } from './trees.js';

// Turns apidoc.js properties into the runtime table's SchemaNode: documentation left out, the
// schema's artefacts cleaned up (docs/pve-behaviour.md, "The API schema as data").

const schemaTypes = new Set<string>([
  'string',
  'integer',
  'number',
  'boolean',
  'array',
  'object',
  'null',
  'any',
]);

/** A limit as a number: some are numeric strings (`"1"`), some `null`. */
function limit(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * The schema node of a raw property (a parameter, or a property-string key), without its
 * description.
 */
export function normalise(raw: RawProperty): SchemaNode {
  const node: Record<string, unknown> = {};
  if (raw.type !== undefined && raw.type !== '' && schemaTypes.has(raw.type))
    node.type = raw.type as SchemaType;
  if (isOptional(raw)) node.optional = 1;
  if (Array.isArray(raw.enum)) node.enum = [...raw.enum].map(String);
  const minimum = limit(raw.minimum);
  if (minimum !== undefined) node.minimum = minimum;
  const maximum = limit(raw.maximum);
  if (maximum !== undefined) node.maximum = maximum;
  if (typeof raw.minLength === 'number') node.minLength = raw.minLength;
  if (typeof raw.maxLength === 'number') node.maxLength = raw.maxLength;
  if (typeof raw.pattern === 'string') {
    const { source, flags } = translatePerlPattern(raw.pattern);
    node.pattern = source;
    if (flags === 'iu') node.caseless = 1;
  }
  if (typeof raw.format === 'string') node.format = raw.format;
  else if (raw.format && typeof raw.format === 'object') node.format = normaliseRecord(raw.format);
  if (raw.default !== undefined && raw.default !== null) node.default = raw.default;
  if (raw.default_key) node.default_key = 1;
  if (typeof raw.alias === 'string') node.alias = raw.alias;
  if (typeof raw.requires === 'string') node.requires = raw.requires;
  if (raw.items) node.items = normalise(raw.items);
  if (raw.properties) node.properties = normaliseRecord(raw.properties);
  if (raw.additionalProperties === 1 || raw.additionalProperties === true) node.additionalProperties = 1;
  if (raw.oneOf) node.oneOf = raw.oneOf.map(normalise);
  if (raw['type-property']) node.typeProperty = raw['type-property'];
  if (raw['instance-types']) node.instanceTypes = [...raw['instance-types']];
  return node as SchemaNode;
}

/**
 * The node of a `returns` schema: only what the lenient reading of an answer uses (types,
 * optional, items, properties, alternatives). Enums, limits, patterns and formats are not
 * checked on answers: a newer host may send values an older schema did not list.
 */
export function normaliseReturns(raw: RawProperty): SchemaNode {
  const node: Record<string, unknown> = {};
  if (raw.type !== undefined && raw.type !== '' && schemaTypes.has(raw.type))
    node.type = raw.type as SchemaType;
  if (raw.optional) node.optional = 1;
  if (raw.items) node.items = normaliseReturns(raw.items);
  if (raw.properties) {
    const properties: Record<string, SchemaNode> = {};
    for (const key of Object.keys(raw.properties).sort()) {
      properties[key] = normaliseReturns(raw.properties[key] as RawProperty);
    }
    node.properties = properties;
  }
  if (raw.oneOf) node.oneOf = raw.oneOf.map(normaliseReturns);
  return node as SchemaNode;
}

function normaliseRecord(record: Readonly<Record<string, RawProperty>>): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = {};
  for (const key of Object.keys(record).sort()) out[key] = normalise(record[key] as RawProperty);
  return out;
}

/**
 * Whether PVE treats the property as optional: its own flag, or, for alternatives chosen by a
 * type property (`oneOf`), every alternative's flag (PVE checks the chosen alternative).
 */
export function isOptional(raw: RawProperty): boolean {
  if (raw.optional) return true;
  return (
    raw.oneOf !== undefined && raw.oneOf.length > 0 && raw.oneOf.every((variant) => Boolean(variant.optional))
  );
}

/** Stable JSON of a node (keys as normalise wrote them), for deduplication and output. */
export function schemaText(node: unknown): string {
  return JSON.stringify(node);
}
