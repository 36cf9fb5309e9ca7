// The declaration language of response shapes. A shape is plain data, written once per
// endpoint (the other files of this folder), from which two readers are derived: the valibot
// schema that names the offending field (schemas/shape-schema.ts), and a straight-line checker
// generated at build time into schemas/generated/ (scripts/generate/). Both
// read scalars through the rules of schemas/wire-values.ts.
//
// This folder is the lowest floor of the package: it imports nothing outside itself, so the
// generator, the schemas and the errors (which carry a task status or a UPID) can all name the
// records declared here. Internal to the package.

/** Text kept as sent; anything else is refused. */
export interface StringKind {
  readonly kind: 'string';
}
/** A string, or a number rendered as a string (`isWireText`). */
export interface TextKind {
  readonly kind: 'text';
}
/** A string or a number, kept as sent (`isWireScalar`). */
export interface ScalarKind {
  readonly kind: 'scalar';
}
/** An integer, from a JSON number or decimal text (`isWireInteger`). */
export interface IntegerKind {
  readonly kind: 'integer';
}
/** A finite number, from a JSON number or numeric text (`isWireNumber`). */
export interface NumberKind {
  readonly kind: 'number';
}
/** A boolean sent as 0/1, "0"/"1", "" or a JSON boolean (`isWireFlag`). */
export interface FlagKind {
  readonly kind: 'flag';
}
/** A list sent as one string (`a;b`, `images,rootdir`), split into its items (`splitList`). */
export interface TextListKind {
  readonly kind: 'textList';
}
/** One of a fixed set of strings. */
export interface OneOfKind<TValues extends readonly string[] = readonly string[]> {
  readonly kind: 'oneOf';
  readonly values: TValues;
}
/** A JSON array whose every item has the same kind. */
export interface ListKind<TItem extends Kind = Kind> {
  readonly kind: 'list';
  readonly items: TItem;
}
/** A JSON object with arbitrary keys whose every value has the same kind. */
export interface RecordKind<TValue extends Kind = Kind> {
  readonly kind: 'record';
  readonly values: TValue;
}
/**
 * A JSON object (never an array) with declared fields; other keys pass through untouched
 * except `__proto__`, `prototype` and `constructor`, which are dropped. With `rename`, the
 * output holds only the renamed fields (`{n, t}` → `{lineNo, text}`).
 */
export interface ObjectKind<
  TFields extends Fields = Fields,
  TRename extends Readonly<Partial<Record<keyof TFields & string, string>>> | undefined = undefined,
> {
  readonly kind: 'object';
  readonly fields: TFields;
  readonly rename: TRename;
}

/** Every kind a value in a response can have. */
export type Kind =
  | StringKind
  | TextKind
  | ScalarKind
  | IntegerKind
  | NumberKind
  | FlagKind
  | TextListKind
  | OneOfKind
  | ListKind
  | RecordKind
  // biome-ignore lint/suspicious/noExplicitAny: the rename map's type depends on the fields; any object kind fits here.
  | ObjectKind<Fields, any>;

/**
 * How a field may be missing. `required`: must be there. `optional`: may be absent (and stays
 * absent). `withDefault`: absent becomes the declared output value. `emptyAsAbsent`: optional,
 * and `""` is dropped as if absent (PVE ≤ 6 sent `lock: ""` for "no lock").
 */
export type Presence = 'required' | 'optional' | 'withDefault' | 'emptyAsAbsent';

/** A field of an object kind with how it may be missing (a bare kind is a required field). */
export interface Field<TKind extends Kind = Kind, TPresence extends Presence = Presence> {
  readonly shape: TKind;
  readonly presence: TPresence;
  /** The output value when absent (`withDefault` only); plain JSON, copied for each answer. */
  readonly fallback?: unknown;
}

/** The declared fields of an object kind. */
export type Fields = Readonly<Record<string, Kind | Field>>;

// ---------------------------------------------------------------------------------------------
// Builders: the vocabulary of the declarations.

const simple = <TKind extends Kind>(kind: TKind['kind']) => ({ kind }) as TKind;

/** A string field, kept as sent. */
export const string = (): StringKind => simple('string');
/** A string, or a number turned into a string. */
export const text = (): TextKind => simple('text');
/** A string or a number, kept as sent. */
export const stringOrNumber = (): ScalarKind => simple('scalar');
/** An integer (JSON number or decimal text). */
export const integer = (): IntegerKind => simple('integer');
/** A finite number (JSON number or numeric text). */
export const number = (): NumberKind => simple('number');
/** A 0/1 flag, read as a boolean. */
export const flag = (): FlagKind => simple('flag');
/** A list sent as one string, split into its items. */
export const textList = (): TextListKind => simple('textList');

/** One of `values`. */
export function oneOf<const TValues extends readonly string[]>(values: TValues): OneOfKind<TValues> {
  return { kind: 'oneOf', values };
}

/** A JSON array of `items`. */
export function list<TItem extends Kind>(items: TItem): ListKind<TItem> {
  return { kind: 'list', items };
}

/** A JSON object whose every value is a `values`. */
export function record<TValue extends Kind>(values: TValue): RecordKind<TValue> {
  return { kind: 'record', values };
}

/** A JSON object with `fields`, open to other keys. */
export function object<const TFields extends Fields>(fields: TFields): ObjectKind<TFields> {
  return { kind: 'object', fields, rename: undefined };
}

/** A JSON object with `fields`, whose output holds only the fields in `rename`, renamed. */
export function renamedObject<
  const TFields extends Fields,
  const TRename extends Readonly<Partial<Record<keyof TFields & string, string>>>,
>(fields: TFields, rename: TRename): ObjectKind<TFields, TRename> {
  return { kind: 'object', fields, rename };
}

/** A field that may be absent. */
export function optional<TKind extends Kind>(shape: TKind): Field<TKind, 'optional'> {
  return { shape, presence: 'optional' };
}

/** A field whose absence means `fallback` (an output value: `false`, `[]`, `{managed: false}`). */
export function withDefault<TKind extends Kind>(
  shape: TKind,
  fallback: Output<TKind>,
): Field<TKind, 'withDefault'> {
  return { shape, presence: 'withDefault', fallback };
}

/** An optional string field whose `""` means absent. */
export function emptyAsAbsent(shape: StringKind): Field<StringKind, 'emptyAsAbsent'> {
  return { shape, presence: 'emptyAsAbsent' };
}

/** The field as a {@link Field}, a bare kind being a required field. */
export function fieldOf(field: Kind | Field): Field {
  return 'presence' in field ? field : { shape: field, presence: 'required' };
}

// ---------------------------------------------------------------------------------------------
// Output types.

type FieldKind<TField> = TField extends Field<infer TKind> ? TKind : TField;
type KeysWith<TFields extends Fields, TPresence extends Presence> = {
  [Key in keyof TFields]: TFields[Key] extends Field<Kind, infer TFieldPresence>
    ? TFieldPresence extends TPresence
      ? Key
      : never
    : 'required' extends TPresence
      ? Key
      : never;
}[keyof TFields];
type Flatten<T> = { [Key in keyof T]: T[Key] } & {};

/**
 * The output of declared fields alone (an object kind's output adds the keys it passes
 * through). An `optional` field may also be present as `undefined` (as valibot's optional
 * allows); an `emptyAsAbsent` one is a non-empty string or absent.
 */
export type FieldsOutput<TFields extends Fields> = Flatten<
  { [Key in KeysWith<TFields, 'required' | 'withDefault'>]: Output<FieldKind<TFields[Key]>> } & {
    [Key in KeysWith<TFields, 'optional'>]?: Output<FieldKind<TFields[Key]>> | undefined;
  } & { [Key in KeysWith<TFields, 'emptyAsAbsent'>]?: Output<FieldKind<TFields[Key]>> }
>;

/** The declared fields' output, open to other keys like the host's object. */
type OpenObjectOutput<TFields extends Fields> = FieldsOutput<TFields> & { [key: string]: unknown };

type RenamedOutput<TFields extends Fields, TRename> = Flatten<{
  [Key in keyof TRename & keyof TFields as TRename[Key] & string]: Output<FieldKind<TFields[Key]>>;
}>;

/** What a value of kind `TKind` becomes once read. */
export type Output<TKind> = TKind extends StringKind | TextKind
  ? string
  : TKind extends ScalarKind
    ? string | number
    : TKind extends IntegerKind | NumberKind
      ? number
      : TKind extends FlagKind
        ? boolean
        : TKind extends TextListKind
          ? string[]
          : TKind extends OneOfKind<infer TValues>
            ? TValues[number]
            : TKind extends ListKind<infer TItem>
              ? Output<TItem>[]
              : TKind extends RecordKind<infer TValue>
                ? { [key: string]: Output<TValue> }
                : TKind extends ObjectKind<infer TFields, infer TRename>
                  ? TRename extends undefined
                    ? OpenObjectOutput<TFields>
                    : RenamedOutput<TFields, TRename>
                  : never;
