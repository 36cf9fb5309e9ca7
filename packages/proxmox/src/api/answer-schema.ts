import * as v from 'valibot';
import type { ResponseSchema } from '../schemas/parse.js';
import { wireSchemas } from '../schemas/shape-schema.js';
import type { SchemaNode } from './schema.js';

// The lenient reader of an answer, built from the endpoint's `returns` schema: numbers also
// as decimal strings, flags as 0/1 (both the wire quirks of docs/pve-behaviour.md, "Return
// shapes"), strings also as numbers (Perl sends a scalar that was last used as a number
// unquoted), unknown keys kept. Types and required keys are checked; enums, limits and formats
// are not, so a newer host's new values still read. Scalars are read by the same wire rules as
// every other answer (schemas/wire-values.ts).

const {
  integer: integerLike,
  number: numberLike,
  flag: flagLike,
  text: stringLike,
  object: plainObject,
} = wireSchemas;

const indexedKey = /^([A-Za-z_]+)\[n\]$/;

function objectSchema(node: SchemaNode): ResponseSchema {
  const entries: Record<string, ResponseSchema> = {};
  const indexed: [RegExp, ResponseSchema][] = [];
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    const schema = answerSchema(property);
    const match = indexedKey.exec(key);
    if (match) indexed.push([new RegExp(`^${match[1]}\\d+$`), v.optional(schema)]);
    else entries[key] = property.optional ? v.optional(schema) : schema;
  }
  if (Object.keys(entries).length === 0 && indexed.length === 0) return plainObject;
  const base = v.looseObject(entries);
  if (indexed.length === 0) return base;
  // `net0`, `mp3`…: each key of an indexed family is read with the family's schema.
  return v.pipe(
    base,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value: Record<string, unknown> = { ...dataset.value };
      for (const [key, item] of Object.entries(value)) {
        const schema = indexed.find(([pattern]) => pattern.test(key))?.[1];
        if (!schema) continue;
        const result = v.safeParse(schema, item);
        if (!result.success) {
          addIssue({
            message: result.issues[0]?.message ?? 'Invalid value',
            path: [
              {
                type: 'object',
                origin: 'value',
                input: dataset.value as Record<string, unknown>,
                key,
                value: item,
              },
              ...(result.issues[0]?.path ?? []),
            ],
          });
          return NEVER;
        }
        value[key] = result.output;
      }
      return value;
    }),
  ) as ResponseSchema;
}

/** The valibot schema of one `returns` node. */
export function answerSchema(node: SchemaNode): ResponseSchema {
  if (node.oneOf && node.oneOf.length > 0) {
    return v.union(node.oneOf.map(answerSchema) as [ResponseSchema, ...ResponseSchema[]]);
  }
  switch (node.type) {
    case 'integer':
      return integerLike;
    case 'number':
      return numberLike;
    case 'boolean':
      return flagLike;
    case 'string':
      return stringLike;
    case 'null':
      return v.pipe(
        v.nullish(v.never()),
        v.transform(() => null),
      ) as ResponseSchema;
    case 'array':
      return v.array(node.items ? answerSchema(node.items) : v.unknown());
    case 'object':
      return objectSchema(node);
    default:
      return v.unknown();
  }
}

/** The schema of a whole answer: its `returns` node, `null` accepted when it is optional. */
export function topAnswerSchema(node: SchemaNode): ResponseSchema {
  const schema = answerSchema(node);
  return node.optional && node.type !== 'null' ? v.nullable(schema) : schema;
}
