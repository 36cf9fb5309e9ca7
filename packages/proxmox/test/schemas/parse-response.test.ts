import { ResponseShapeError } from '@felhom/proxmox';
import {
  guestConfigSchema,
  issueFieldPath,
  lxcListSchema,
  nodeStatusSchema,
  parseResponse,
  versionSchema,
} from '@felhom/proxmox/schemas';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../test-support/property-runs.js';
import { bodiesByVersion } from '../fixtures/bodies/index.js';
import { schemaFor } from './endpoint-schemas.js';

function shapeError(run: () => unknown): ResponseShapeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResponseShapeError) return error;
    throw error;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('parseResponse', () => {
  it('leaves the data it is given as it was (the client reads its own fresh copies in place)', () => {
    const text = JSON.stringify([
      { vmid: '100', status: 'running', name: 'web', tags: 'a;b', maxmem: '536870912', type: 'lxc' },
    ]);
    const data: unknown = JSON.parse(text);
    const guests = parseResponse(lxcListSchema, data, 'GET /nodes/pve1/lxc');
    expect(guests[0]?.vmid).toBe(100);
    expect(guests[0]?.tags).toEqual(['a', 'b']);
    expect(JSON.stringify(data)).toBe(text);
  });

  it('names the endpoint and the offending field', () => {
    const body = [...(bodiesByVersion.pve9.lxcList as object[])];
    body[2] = { ...(body[2] as object), vmid: 'one hundred' };
    const error = shapeError(() => parseResponse(lxcListSchema, body, 'GET /nodes/pve1/lxc'));
    expect(error.endpoint).toBe('GET /nodes/pve1/lxc');
    expect(error.fieldPath).toBe('data[2].vmid');
    expect(error.reason).toBe('shape');
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.message).toContain('GET /nodes/pve1/lxc at data[2].vmid');
  });

  it('names a missing nested field', () => {
    const { cpuinfo, ...rest } = bodiesByVersion.pve8.nodeStatus as { cpuinfo: object };
    const body = { ...rest, cpuinfo: { ...cpuinfo, model: undefined } };
    expect(shapeError(() => parseResponse(nodeStatusSchema, body, 'GET status')).fieldPath).toBe(
      'data.cpuinfo.model',
    );
  });

  it('names an array element inside a nested object', () => {
    const body = { ...(bodiesByVersion.pve7.nodeStatus as object), loadavg: ['0.1', 'high', '0.3'] };
    expect(shapeError(() => parseResponse(nodeStatusSchema, body, 'GET status')).fieldPath).toBe(
      'data.loadavg[1]',
    );
  });

  it('quotes keys that are not identifiers', () => {
    const body = { ...(bodiesByVersion.pve9.nodeStatus as object), 'boot-info': { secureboot: 1 } };
    expect(shapeError(() => parseResponse(nodeStatusSchema, body, 'GET status')).fieldPath).toBe(
      'data.boot-info.mode',
    );
    const issue = v.safeParse(v.record(v.string(), v.number()), { 'a b': 'x' });
    expect(issueFieldPath(issue.issues?.[0])).toBe('data["a b"]');
  });

  it('reports the root for a wrong top-level type', () => {
    const error = shapeError(() => parseResponse(versionSchema, null, 'GET /version'));
    expect(error.fieldPath).toBe('data');
  });

  it('reports an unrecognised version form at release', () => {
    const error = shapeError(() =>
      parseResponse(versionSchema, { version: 'x', release: 'y', repoid: 'abc' }, 'GET /version'),
    );
    expect(error.fieldPath).toBe('data.release');
  });

  it('turns a throwing schema into a shape error', () => {
    const throwing = v.pipe(
      v.unknown(),
      v.transform(() => {
        throw new TypeError('boom');
      }),
    );
    const error = shapeError(() => parseResponse(throwing, 1, 'GET /x'));
    expect(error.message).toContain('TypeError: boom');
  });

  it('does not pollute prototypes through __proto__ keys', () => {
    const body = JSON.parse('{"digest":"abc","__proto__":{"polluted":"yes"},"hostname":"h"}');
    const out = parseResponse(guestConfigSchema, body, 'GET config');
    expect(out.hostname).toBe('h');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((out as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  // Any JSON value through any schema: a value or a ResponseShapeError, never a TypeError.
  it.each(Object.entries(schemaFor))('%s never throws anything but ResponseShapeError', (_name, schema) => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        try {
          parseResponse(schema, json, 'GET /fuzz');
          return true;
        } catch (error) {
          return error instanceof ResponseShapeError;
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  // Mutated real bodies reach deeper into the schemas than random JSON does.
  it.each(Object.entries(schemaFor))('%s survives mutated fixture bodies', (name, schema) => {
    const body = bodiesByVersion.pve9[name as keyof typeof schemaFor];
    const flat = JSON.stringify(body);
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (replacement, seed) => {
        const mutated = mutate(JSON.parse(flat), replacement, seed);
        try {
          parseResponse(schema, mutated, 'GET /fuzz');
          return true;
        } catch (error) {
          return error instanceof ResponseShapeError;
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

/** Replaces one value somewhere in `value` (chosen by `seed`) with `replacement`. */
function mutate(value: unknown, replacement: unknown, seed: number): unknown {
  const slots: { parent: Record<string, unknown>; key: string }[] = [];
  const walk = (node: unknown) => {
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key });
        walk(child);
      }
    }
  };
  walk(value);
  if (slots.length === 0) return replacement;
  const slot = slots[seed % slots.length] as (typeof slots)[number];
  slot.parent[slot.key] = replacement;
  return value;
}
