import * as v from 'valibot';
import { type Field, fieldOf, type Kind, type ObjectKind, type Output } from '../shapes/shape.js';
import {
  isWireFlag,
  isWireInteger,
  isWireNumber,
  isWireScalar,
  isWireText,
  readWireFlag,
  readWireInteger,
  readWireNumber,
  readWireText,
  splitList,
} from './wire-values.js';

// The valibot reading of a shape declaration (shape.ts). It accepts exactly what the generated
// checker of the same declaration accepts and gives the same output; it is the path that runs
// when the checker refuses an answer, so its issues name the offending field
// (`data[3].vmid`). Internal to the package.

type Schema = v.GenericSchema<unknown, unknown>;

/** A scalar kind read by a wire-values rule, with the message that names what was expected. */
function wireValue(
  accepts: (value: unknown) => boolean,
  read: (value: unknown) => unknown,
  expected: string,
): Schema {
  return v.pipe(
    v.custom<unknown>(
      accepts,
      (issue) => `Invalid type: Expected ${expected} but received ${issue.received}`,
    ),
    v.transform(read),
  );
}

/** A JSON object that is not an array (valibot's object schemas alone would take an array). */
const objectValue = v.custom<Record<string, unknown>>(
  (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
  (issue) => `Invalid type: Expected Object but received ${issue.received}`,
);

const integerSchema = wireValue(isWireInteger, readWireInteger, 'an integer or a decimal integer string');
const numberSchema = wireValue(isWireNumber, readWireNumber, 'a finite number or a numeric string');
const flagSchema = wireValue(isWireFlag, readWireFlag, '0, 1, "0", "1", "" or a boolean');
const textSchema = wireValue(isWireText, readWireText, 'a string or a number');
const scalarSchema = v.custom<string | number>(
  isWireScalar,
  (issue) => `Invalid type: Expected a string or a number but received ${issue.received}`,
);
const textListSchema = v.pipe(v.string(), v.transform(splitList));

/**
 * The readers of the scalar kinds, and the check for a JSON object that is not an array, for
 * schemas built from another description than a shape (the answers of the generated API): one
 * set of wire rules for every answer the SDK reads.
 */
export const wireSchemas = {
  // Typed by what each wire-values reader returns.
  integer: integerSchema as v.GenericSchema<unknown, number>,
  number: numberSchema as v.GenericSchema<unknown, number>,
  flag: flagSchema as v.GenericSchema<unknown, boolean>,
  text: textSchema as v.GenericSchema<unknown, string>,
  object: objectValue,
} as const;

/** What an object kind's output step does after valibot copied and checked its fields. */
function finishObject(
  kind: ObjectKind,
): ((value: Record<string, unknown>) => Record<string, unknown>) | undefined {
  const fields = Object.entries(kind.fields).map(([key, field]): [string, Field] => [key, fieldOf(field)]);
  const defaults = fields.filter(([, field]) => field.presence === 'withDefault');
  const emptyAsAbsent = fields.filter(([, field]) => field.presence === 'emptyAsAbsent').map(([key]) => key);
  const rename =
    kind.rename === undefined ? undefined : Object.entries(kind.rename as Record<string, string>);
  if (defaults.length === 0 && emptyAsAbsent.length === 0 && rename === undefined) return undefined;
  return (value) => {
    for (const [key, field] of defaults)
      if (value[key] === undefined) value[key] = structuredClone(field.fallback);
    for (const key of emptyAsAbsent) if (value[key] === '') delete value[key];
    if (rename === undefined) return value;
    const renamed: Record<string, unknown> = {};
    for (const [from, to] of rename) renamed[to] = value[from];
    return renamed;
  };
}

function objectSchema(kind: ObjectKind): Schema {
  const entries: Record<string, Schema> = {};
  for (const [key, declared] of Object.entries(kind.fields)) {
    const field = fieldOf(declared);
    const schema = shapeSchema(field.shape);
    entries[key] = field.presence === 'required' ? schema : v.optional(schema);
  }
  const finish = finishObject(kind);
  const checked = v.pipe(objectValue, v.looseObject(entries));
  return finish ? v.pipe(checked, v.transform(finish)) : checked;
}

function build(kind: Kind): Schema {
  switch (kind.kind) {
    case 'string':
      return v.string();
    case 'text':
      return textSchema;
    case 'scalar':
      return scalarSchema;
    case 'integer':
      return integerSchema;
    case 'number':
      return numberSchema;
    case 'flag':
      return flagSchema;
    case 'textList':
      return textListSchema;
    case 'oneOf':
      return v.picklist(kind.values);
    case 'list':
      return v.array(shapeSchema(kind.items));
    case 'record':
      return v.pipe(objectValue, v.record(v.string(), shapeSchema(kind.values)));
    case 'object':
      return objectSchema(kind);
  }
}

// One schema per declaration, so a shape used in several places (a guest, a list of guests)
// is built once.
const built = new WeakMap<Kind, Schema>();

/**
 * The valibot schema of a shape declaration: accepts what the declaration allows, reads each
 * value by its kind, and reports the first offending field by its path.
 */
export function shapeSchema<TKind extends Kind>(kind: TKind): v.GenericSchema<unknown, Output<TKind>> {
  let schema = built.get(kind);
  if (schema === undefined) {
    schema = build(kind);
    built.set(kind, schema);
  }
  return schema as v.GenericSchema<unknown, Output<TKind>>;
}
