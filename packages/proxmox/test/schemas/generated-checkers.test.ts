import { isDeepStrictEqual } from 'node:util';
import { ResponseShapeError } from '@felhom/proxmox';
import { issueFieldPath, parseResponse } from '@felhom/proxmox/schemas';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../test-support/property-runs.js';
import { fastPathOf } from '../../src/schemas/checked-schema.js';
import { responseSchema } from '../../src/schemas/response-schema.js';
import { type ResponseShapeName, responseShapes } from '../../src/shapes/index.js';
import { bodiesByVersion } from '../fixtures/bodies/index.js';
import { answerText, hostileKeys } from './shape-arbitrary.js';

// Every response shape is read two ways: by its generated checker (scripts/generate/), and by
// the valibot schema derived from the same declaration. The checker must accept exactly what
// the schema accepts, leave refused data untouched, and produce the same output; refused data
// reaches the schema, so the error names the same field either way.

const names = Object.keys(responseShapes) as ResponseShapeName[];
const schemas = new Map(names.map((name) => [name, responseSchema(name)]));

/** The schema's verdict on a fresh parse of `text`, with no checker involved. */
function viaSchemaAlone(name: ResponseShapeName, text: string) {
  return v.safeParse(schemas.get(name) as v.GenericSchema, JSON.parse(text));
}

/** The checker's verdict on a fresh parse of `text`, and the data as the checker left it. */
function viaChecker(name: ResponseShapeName, text: string) {
  const fast = fastPathOf(schemas.get(name) as object);
  if (fast === undefined) throw new Error(`${name} has no generated checker`);
  const data: unknown = JSON.parse(text);
  const accepted = fast.check(data);
  return { accepted, data, output: accepted ? fast.read(data) : undefined };
}

describe.each(names)('the generated checker of %s', (name) => {
  const shape = responseShapes[name];

  it('accepts exactly what the schema accepts, with the same output', () => {
    fc.assert(
      fc.property(answerText(shape), (text) => {
        const schema = viaSchemaAlone(name, text);
        const checker = viaChecker(name, text);
        expect(checker.accepted).toBe(schema.success);
        if (schema.success) expect(isDeepStrictEqual(checker.output, schema.output)).toBe(true);
        // Refused data is left exactly as parsed, for the schema to report on.
        else expect(isDeepStrictEqual(checker.data, JSON.parse(text))).toBe(true);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('makes parseResponse name the same field as the schema alone', () => {
    fc.assert(
      fc.property(answerText(shape), (text) => {
        const schema = viaSchemaAlone(name, text);
        fc.pre(!schema.success);
        let error: unknown;
        try {
          parseResponse(schemas.get(name) as v.GenericSchema, JSON.parse(text), 'GET /x');
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(ResponseShapeError);
        expect((error as ResponseShapeError).fieldPath).toBe(issueFieldPath(schema.issues?.[0]));
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('the checkers on large lists', () => {
  const guests = bodiesByVersion.pve9.lxcList as Record<string, unknown>[];
  const template = guests[0] as Record<string, unknown>;

  it('accept a 20 000-guest list as the schema does', () => {
    const list = Array.from({ length: 20_000 }, (_, index) => ({ ...template, vmid: 100 + index }));
    const text = JSON.stringify(list);
    const checker = viaChecker('guestList', text);
    const schema = viaSchemaAlone('guestList', text);
    expect(checker.accepted).toBe(true);
    expect(isDeepStrictEqual(checker.output, schema.output)).toBe(true);
  });

  it('refuse a long list with one bad entry anywhere, and the error names that entry', () => {
    const badValues = fc.constantFrom('1x', '1e999', '9'.repeat(400), 1.5, null, true, [], {});
    fc.assert(
      fc.property(
        fc.nat({ max: 4_999 }),
        badValues,
        fc.constantFrom('vmid', 'maxmem', 'pid'),
        (at, bad, key) => {
          const list: unknown[] = Array.from({ length: 5_000 }, (_, index) => ({
            ...template,
            vmid: 100 + index,
          }));
          list[at] = { ...template, [key]: bad };
          const text = JSON.stringify(list);
          expect(viaChecker('guestList', text).accepted).toBe(false);
          expect(() =>
            parseResponse(schemas.get('guestList') as v.GenericSchema, JSON.parse(text), 'GET /x'),
          ).toThrow(`at data[${at}].${key}:`);
        },
      ),
      { numRuns: propertyRuns(10) },
    );
  });
});

describe('hostile keys in a guest list', () => {
  const hostileValue = fc.oneof(
    fc.constant({ polluted: true }),
    fc.constant(null),
    fc.constantFrom('', 'x', '1', 'a;b'),
    fc.integer(),
    fc.boolean(),
  );

  it('give the same output both ways, and no guest gets an own dangerous key or a foreign prototype', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.tuple(fc.constantFrom(...hostileKeys, 'name', 'tags', 'lock', 'template'), hostileValue),
            {
              maxLength: 4,
            },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (entries) => {
          // Written as text so that JSON.parse creates the keys exactly as it does for a response.
          const text = `[${entries
            .map((pairs, index) =>
              [
                `"vmid":${100 + index}`,
                '"status":"running"',
                ...pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`),
              ].join(','),
            )
            .map((body) => `{${body}}`)
            .join(',')}]`;
          const schema = viaSchemaAlone('guestList', text);
          const checker = viaChecker('guestList', text);
          expect(checker.accepted).toBe(schema.success);
          if (!checker.accepted) return;
          expect(isDeepStrictEqual(checker.output, schema.output)).toBe(true);
          for (const guest of checker.output as Record<string, unknown>[]) {
            for (const key of ['__proto__', 'prototype', 'constructor'])
              expect(Object.hasOwn(guest, key)).toBe(false);
            expect(Object.getPrototypeOf(Object.assign({}, guest))).toBe(Object.prototype);
            expect(Object.getPrototypeOf({ ...guest })).toBe(Object.prototype);
          }
        },
      ),
      { numRuns: propertyRuns(2_000) },
    );
  });
});
