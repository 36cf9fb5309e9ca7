import { lxcListSchema, parseResponse } from '@felhom/proxmox';
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
