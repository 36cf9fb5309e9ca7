import { lxcListSchema, parseResponse } from '@felhom/proxmox/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastGuestList } from '../../src/schemas/guest-list-fast.js';
import { bodiesByVersion } from '../fixtures/bodies/index.js';

// listLXC's fast path must accept only what lxcListSchema accepts, and produce the same output.
const viaSchema = (data: unknown) =>
  parseResponse(lxcListSchema, structuredClone(data), 'GET /nodes/pve/lxc');
const viaFast = (data: unknown) => fastGuestList(structuredClone(data));

describe('the container-list fast path', () => {
  it.each(Object.entries(bodiesByVersion))('matches the schema on the %s list', (_version, bodies) => {
    const data = bodies.lxcList;
    if (data === undefined) return;
    expect(viaFast(data)).toEqual(viaSchema(data));
  });

  it('defers to the schema for anything it does not accept (and the schema names the field)', () => {
    for (const bad of [
      [{ vmid: '10x', status: 'running' }],
      [{ vmid: 100, status: 'paused' }],
      [{ vmid: 100, status: 'running', maxmem: 'lots' }],
      [{ vmid: 100, status: 'running', template: 2 }],
      [null],
      { vmid: 100 },
    ]) {
      expect(viaFast(bad)).toBeUndefined();
      expect(() => viaSchema(bad)).toThrow();
    }
  });

  it('agrees with the schema on generated entries, valid or not', () => {
    const scalar = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constantFrom('', '0', '1', '12', '1.5', 'x', 'felhom;web', 'backup'),
      fc.boolean(),
      fc.constant(undefined),
    );
    const entry = fc.record(
      {
        vmid: fc.oneof(fc.integer({ min: 100, max: 1_000_000 }), fc.constantFrom('100', '1x')),
        status: fc.constantFrom('running', 'stopped', 'paused'),
        name: scalar,
        template: scalar,
        lock: scalar,
        tags: scalar,
        cpus: scalar,
        maxmem: scalar,
        uptime: scalar,
        pid: scalar,
        pressurecpusome: scalar,
        extra: scalar,
      },
      { requiredKeys: ['vmid', 'status'] },
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (list) => {
        const plain = JSON.parse(JSON.stringify(list)) as unknown;
        let expected: unknown;
        try {
          expected = viaSchema(plain);
        } catch {
          expected = undefined;
        }
        const fast = viaFast(plain);
        // Accepted by the fast path ⇒ identical to the schema's output; refused ⇒ the schema decides.
        if (fast !== undefined) expect(fast).toEqual(expected);
        else if (expected !== undefined) expect(expected).toEqual(viaSchema(plain));
        return fast === undefined || expected !== undefined;
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile keys', () => {
  // Keys a host could send to steer a copy of the result (`Object.assign({}, guest)`), or that
  // shadow Object.prototype members; JSON.parse makes each of them an own property.
  const hostileKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'isPrototypeOf',
    'name',
    'tags',
    'lock',
    'template',
  );
  const hostileValue = fc.oneof(
    fc.constant({ polluted: true }),
    fc.constant(null),
    fc.constantFrom('', 'x', '1', 'a;b'),
    fc.integer(),
    fc.boolean(),
  );

  it('both paths give identical output, and no entry gets an own dangerous key or a foreign prototype', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (entries) => {
          // Written as text so that JSON.parse creates the keys exactly as it does for a response.
          const text = `[${entries
            .map((pairs, index) =>
              [
                `"vmid":${100 + index}`,
                '"status":"running"',
                ...pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`),
              ].join(','),
            )
            .map((body) => `{${body}}`)
            .join(',')}]`;
          let expected: unknown;
          try {
            expected = parseResponse(lxcListSchema, JSON.parse(text), 'GET /nodes/pve/lxc');
          } catch {
            expected = undefined;
          }
          const fast = fastGuestList(JSON.parse(text));
          if (fast !== undefined) expect(fast).toStrictEqual(expected);
          for (const guest of (fast ?? expected ?? []) as Record<string, unknown>[]) {
            for (const key of ['__proto__', 'prototype', 'constructor'])
              expect(Object.hasOwn(guest, key)).toBe(false);
            expect(Object.getPrototypeOf(Object.assign({}, guest))).toBe(Object.prototype);
            expect(Object.getPrototypeOf({ ...guest })).toBe(Object.prototype);
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
