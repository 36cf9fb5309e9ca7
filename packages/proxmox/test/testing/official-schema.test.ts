import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test-support/data.js';
import { SIM_ROUTES } from '../../src/testing/api/routes/index.js';

interface ApiNode {
  readonly path: string;
  readonly info?: Record<string, ApiMethod>;
  readonly children?: readonly ApiNode[];
}
interface ApiParameter {
  readonly type?: string;
  readonly optional?: number;
  readonly enum?: readonly string[];
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly maxLength?: number;
  readonly pattern?: string;
}
interface ApiMethod {
  readonly parameters?: { readonly properties?: Record<string, ApiParameter> };
  readonly permissions?: { readonly check?: readonly unknown[]; readonly user?: string };
  readonly proxyto?: string;
}

function index(nodes: readonly ApiNode[], out = new Map<string, ApiMethod>()): Map<string, ApiMethod> {
  for (const node of nodes) {
    for (const [method, info] of Object.entries(node.info ?? {})) out.set(`${method} ${node.path}`, info);
    index(node.children ?? [], out);
  }
  return out;
}

describe('the simulated endpoints match the official PVE 9.1 schema', () => {
  const methods = index(
    JSON.parse(readFileSync(dataPath('pve-api', 'pve9.1-apidoc-2025-12-28.json'), 'utf8')) as ApiNode[],
  );

  it.each(SIM_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (key, route) => {
    const official = methods.get(key);
    expect(official, `${key} is not in the official schema`).toBeDefined();
    // every parameter the simulator accepts exists there, with the same type and optionality
    const properties = official?.parameters?.properties ?? {};
    for (const [name, spec] of Object.entries(route.params.properties)) {
      expect(properties[name], `${key}: parameter ${name}`).toBeDefined();
      expect(properties[name]?.type, `${key}: type of ${name}`).toBe(spec.type);
      expect(Boolean(properties[name]?.optional), `${key}: optionality of ${name}`).toBe(
        Boolean(spec.optional),
      );
      // the limits the simulator enforces are the schema's (a Perl `qr//` prints as `(?^:…)`)
      const official = properties[name] ?? {};
      if (spec.enum) expect(official.enum, `${key}: enum of ${name}`).toEqual(spec.enum);
      for (const limit of ['minimum', 'maximum', 'maxLength'] as const) {
        if (spec[limit] !== undefined)
          expect(Number(official[limit]), `${key}: ${limit} of ${name}`).toBe(spec[limit]);
      }
      if (spec.pattern) {
        expect(official.pattern?.replace(/^\(\?\^:(.*)\)$/, '$1'), `${key}: pattern of ${name}`).toBe(
          spec.pattern.source,
        );
      }
    }
    // the declarative permission check is the schema's `check`
    const check = official?.permissions?.check;
    if (route.permission) {
      expect(check?.[0]).toBe('perm');
      expect(check?.[1]).toBe(route.permission.path);
      expect(check?.[2]).toEqual(route.permission.privileges);
      expect(check?.[3] === 'any' ? 'any' : 'all').toBe(route.permission.mode ?? 'all');
    } else if (route.schemaCheck) {
      // a check the handler applies itself (`or`, `userid-param`, …), recorded as the schema writes it
      expect(check).toEqual(route.schemaCheck);
    } else {
      expect(check, `${key} has a schema check the simulator does not apply`).toBeUndefined();
    }
    expect(route.proxyto).toBe(official?.proxyto === 'node');
  });
});
