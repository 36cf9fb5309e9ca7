import * as v from 'valibot';

// A single object-level pass over a list item's optional fields. Large lists (cluster
// resources, guests) made the per-field valibot schemas (optional → union → pipe → transform)
// cost ~4× JSON.parse; one loop that checks and coerces every field in place costs a fraction
// of that (docs/performance.md). Issues still carry the field's path, so ResponseShapeError
// names e.g. `data[3].maxmem`. Internal to the package.

/** How an optional field is read: `integer`/`number` accept numeric strings, `flag` 0/1/""/booleans. */
export type FieldKind = 'string' | 'integer' | 'number' | 'flag';

type KindOutput<K extends FieldKind> = K extends 'string' ? string : K extends 'flag' ? boolean : number;

/** The typed optional fields a pass produces. */
export type FieldPassOutput<S extends Readonly<Record<string, FieldKind>>> = {
  [K in keyof S]?: KindOutput<S[K]>;
};

const integerText = /^-?\d+$/;
const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const invalid = Symbol('invalid');

function coerce(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : invalid;
    case 'integer':
      if (typeof value === 'number') return Number.isInteger(value) ? value : invalid;
      return typeof value === 'string' && integerText.test(value) ? Number(value) : invalid;
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? value : invalid;
      return typeof value === 'string' && numberText.test(value) ? Number(value) : invalid;
    case 'flag':
      if (value === 1 || value === '1' || value === true) return true;
      if (value === 0 || value === '0' || value === '' || value === false) return false;
      return invalid;
  }
}

const expectations: Readonly<Record<FieldKind, string>> = {
  string: 'a string',
  integer: 'an integer or a decimal integer string',
  number: 'a number or a numeric string',
  flag: '0, 1, "0", "1", "" or a boolean',
};

/**
 * `v.looseObject(entries)` (the required fields, checked by valibot) followed by one pass that
 * checks and coerces the optional fields in `spec`, in place (the loose object's output is
 * already a fresh copy). Unknown fields pass through. `finish`, when given, normalises the
 * checked object in the same step (a further pipe stage per entry would cost more).
 */
export function looseObjectWithFields<
  const TEntries extends v.ObjectEntries,
  const TSpec extends Readonly<Record<string, FieldKind>>,
  TResult = v.InferOutput<v.LooseObjectSchema<TEntries, undefined>> & FieldPassOutput<TSpec>,
>(
  entries: TEntries,
  spec: TSpec,
  finish?: (
    value: v.InferOutput<v.LooseObjectSchema<TEntries, undefined>> & FieldPassOutput<TSpec>,
  ) => TResult,
) {
  type Out = v.InferOutput<v.LooseObjectSchema<TEntries, undefined>> & FieldPassOutput<TSpec>;
  const fields = Object.entries(spec) as [string, FieldKind][];
  return v.pipe(
    v.looseObject(entries),
    v.rawTransform(({ dataset, addIssue, NEVER }): TResult => {
      const value: Record<string, unknown> = dataset.value;
      for (const [key, kind] of fields) {
        const raw = value[key];
        if (raw === undefined) continue;
        const coerced = coerce(kind, raw);
        if (coerced === invalid) {
          addIssue({
            message: `Invalid type: Expected ${expectations[kind]} but received ${describe(raw)}`,
            path: [{ type: 'object', origin: 'value', input: value, key, value: raw }],
          });
        } else if (coerced !== raw) {
          value[key] = coerced;
        }
      }
      if (dataset.issues) return NEVER;
      return finish ? finish(value as Out) : (value as TResult);
    }),
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'Array' : 'Object';
}
