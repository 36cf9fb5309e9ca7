import fc from 'fast-check';
import { fieldOf, type Kind } from '../../src/shapes/shape.js';

// Arbitrary answers for a response shape, written as JSON text so that `JSON.parse` makes them
// exactly as it makes a host's answer (own `__proto__` keys included). Most values are valid or
// nearly so (the wire forms old hosts used, and their near misses), so that properties reach
// every field instead of failing at the first.

/** A JSON object as its key/value pairs in order (duplicates allowed, as in any JSON text). */
class Pairs {
  constructor(readonly pairs: readonly (readonly [string, Json])[]) {}
}
type Json = null | boolean | number | string | Pairs | readonly Json[];

function text(value: Json): string {
  if (value instanceof Pairs)
    return `{${value.pairs.map(([key, item]) => `${JSON.stringify(key)}:${text(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(text).join(',')}]`;
  return JSON.stringify(value);
}

/** Keys a host could send to steer a copy of the result, or that shadow Object.prototype. */
export const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  '0',
  '1e3',
  '-1',
  '',
] as const;

const anyJson: fc.Arbitrary<Json> = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ maxLength: 6 }),
    fc.array(tie('json'), { maxLength: 3 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 4 })), tie('json')), {
        maxLength: 3,
      })
      .map((pairs) => new Pairs(pairs)),
  ),
})).json;

const validInteger = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  fc.constantFrom('-0', '007', -0, 1e21, 2 ** 53 + 2),
);
const nearInteger = fc.constantFrom(
  '1.5',
  '1e3',
  '',
  ' 1',
  '+1',
  'x',
  'NaN',
  'Infinity',
  '-Infinity',
  '9'.repeat(400),
  `-${'9'.repeat(400)}`,
  1.5,
);
const validNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('0.15', '3400.000', '.5', '5.', '+1', '-1e-3', `${'9'.repeat(300)}.5`),
);
const nearNumber = fc.constantFrom(
  '1e999',
  '-1e999',
  `${'9'.repeat(400)}.5`,
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '',
  ' ',
  'e3',
);
const validFlag = fc.constantFrom(0, 1, '0', '1', '', true, false, -0);
const nearFlag = fc.constantFrom(2, -1, 0.5, '2', 'true', 'yes', ' 1');
const validTextList = fc.oneof(
  fc.constantFrom('', 'felhom', 'felhom;prod', 'a;b;;c', 'images,rootdir', 'one, two  three', ';', ' ', '\t'),
  fc.string({ maxLength: 8 }),
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.constant([] as Json[]),
  fc.constant(new Pairs([])),
);

/**
 * Answers for `kind`: only valid ones (in every wire form the rules accept) when `valid`, and
 * otherwise any mix of valid values, near misses and values of the wrong type.
 */
function answerOf(kind: Kind, valid: boolean): fc.Arbitrary<Json> {
  const orWrong = (good: fc.Arbitrary<Json>, near?: fc.Arbitrary<Json>) =>
    valid
      ? good
      : fc.oneof(
          { weight: 4, arbitrary: good },
          { weight: 1, arbitrary: near ?? wrongType },
          { weight: 1, arbitrary: wrongType },
        );
  switch (kind.kind) {
    case 'string':
    case 'textList':
      return orWrong(kind.kind === 'string' ? fc.string({ maxLength: 8 }) : validTextList);
    case 'text':
    case 'scalar':
      return orWrong(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
      );
    case 'integer':
      return orWrong(validInteger, nearInteger);
    case 'number':
      return orWrong(validNumber, nearNumber);
    case 'flag':
      return orWrong(validFlag, nearFlag);
    case 'oneOf':
      return orWrong(fc.constantFrom(...kind.values), fc.constantFrom('', 'RUNNING', 'paused'));
    case 'list':
      return orWrong(fc.array(answerOf(kind.items, valid), { maxLength: 4 }));
    case 'record':
      return orWrong(
        fc
          .array(
            fc.tuple(
              fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...hostileKeys)),
              answerOf(kind.values, valid),
            ),
            { maxLength: 4 },
          )
          .map((pairs) => new Pairs(pairs)),
      );
    case 'object': {
      const declared = Object.entries(kind.fields).map(([key, field]) => {
        const { shape, presence } = fieldOf(field);
        const present = answerOf(shape, valid).map((value) => [[key, value] as const]);
        const absent = fc.constant([] as (readonly [string, Json])[]);
        // A required field is left out only among invalid answers.
        if (presence === 'required')
          return valid ? present : fc.oneof({ weight: 20, arbitrary: present }, absent);
        return fc.oneof(
          { weight: 2, arbitrary: present },
          absent,
          ...(presence === 'emptyAsAbsent' ? [fc.constant([[key, ''] as const])] : []),
        );
      });
      const extra = fc.array(
        fc.tuple(fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 5 })), anyJson),
        { maxLength: 3 },
      );
      const object = fc
        .tuple(fc.tuple(...declared), extra, fc.boolean())
        .map(([fields, extras, extrasFirst]) => {
          const known = fields.flat();
          // A declared key repeated among the extras would change the answer: keep the declared one.
          const others = extras.filter(([key]) => !Object.hasOwn(kind.fields, key));
          return new Pairs(extrasFirst ? [...others, ...known] : [...known, ...others]);
        });
      return orWrong(object);
    }
  }
}

/** `json` with the value at one place (chosen by `seed`) replaced by `replacement`. */
function replaceOne(json: Json, seed: number, replacement: Json): Json {
  let remaining = seed;
  const walk = (node: Json): Json => {
    if (remaining-- === 0) return replacement;
    if (node instanceof Pairs) return new Pairs(node.pairs.map(([key, item]) => [key, walk(item)] as const));
    if (Array.isArray(node)) return node.map(walk);
    return node;
  };
  return walk(json);
}

const nearMiss = fc.oneof(wrongType, nearInteger, nearNumber, nearFlag, fc.constantFrom('', 'paused'));

/**
 * JSON texts of answers for `kind`: valid ones, valid ones with one value somewhere replaced
 * by a near miss, and wild ones (a near miss or a wrong type anywhere).
 */
export function answerText(kind: Kind): fc.Arbitrary<string> {
  const valid = answerOf(kind, true);
  return fc
    .oneof(
      valid,
      fc
        .tuple(valid, fc.nat({ max: 60 }), nearMiss)
        .map(([json, seed, miss]) => replaceOne(json, seed, miss)),
      answerOf(kind, false),
    )
    .map(text);
}
