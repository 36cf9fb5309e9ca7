import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  deviceFormat,
  featuresFormat,
  mountPointFormat,
  netFormat,
  rootFsFormat,
  unusedFormat,
} from '../../src/encoding/formats.js';
import type { PropertyFormat } from '../../src/encoding/typed-format.js';
import { readOnlyConfigKeys, settableConfigKeys } from '../../src/guest-config/config-constraints.js';
import { scalarKeys } from '../../src/guest-config/keys.js';

// The limits setConfig and restoreLXC check before sending are written into the package; this
// compares them, key for key, with Proxmox's official API schema (PVE 9.1) in the repository.
const schemaFile = 'data/pve-api/pve9.1-apidoc-2025-12-28.json';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

interface SchemaProperty {
  readonly type?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly maxLength?: number;
  readonly format?: unknown;
}
interface TreeNode {
  readonly path: string;
  readonly info?: Record<string, { parameters?: { properties?: Record<string, SchemaProperty> } }>;
  readonly children?: readonly TreeNode[];
}

function find(nodes: readonly TreeNode[], path: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    const found = find(node.children ?? [], path);
    if (found) return found;
  }
  return undefined;
}

const tree = JSON.parse(readFileSync(`${repoRoot}${schemaFile}`, 'utf8')) as TreeNode[];
const putParameters = find(tree, '/nodes/{node}/lxc/{vmid}/config')?.info?.PUT?.parameters?.properties ?? {};
const createParameters = find(tree, '/nodes/{node}/lxc')?.info?.POST?.parameters?.properties ?? {};

const limitsOf = (property: SchemaProperty) => ({
  type: property.type,
  minimum: property.minimum,
  maximum: property.maximum,
  enum: property.enum,
  maxLength: property.maxLength,
});

const notConfigKeys = new Set(['node', 'vmid', 'delete', 'digest', 'revert']);
const propertyStringKeys = new Set(['rootfs', 'features', 'tags', 'net[n]', 'mp[n]', 'dev[n]', 'unused[n]']);

describe(`setConfig's limits match ${schemaFile}`, () => {
  it('found the config endpoint in the schema', () => {
    expect(Object.keys(putParameters).length).toBeGreaterThan(30);
  });

  it.each(Object.entries(settableConfigKeys))('%s: type, range, values and length', (key, constraint) => {
    const official = putParameters[key];
    expect(official, `${key} is not a PUT parameter`).toBeDefined();
    expect({
      minimum: undefined,
      maximum: undefined,
      enum: undefined,
      maxLength: undefined,
      ...constraint,
    }).toEqual(limitsOf(official ?? {}));
    // The create/restore call takes the same key with the same limits.
    expect(limitsOf(createParameters[key] ?? {})).toEqual(limitsOf(official ?? {}));
  });

  it('every scalar config key of the schema is in the table, and nothing else', () => {
    const scalarsInSchema = Object.keys(putParameters).filter(
      (key) => !notConfigKeys.has(key) && !propertyStringKeys.has(key),
    );
    expect(Object.keys(settableConfigKeys).sort()).toEqual(scalarsInSchema.sort());
  });

  it('the read-only keys are typed for reading but not settable', () => {
    for (const key of readOnlyConfigKeys) {
      expect(Object.hasOwn(scalarKeys, key)).toBe(true);
      expect(putParameters[key]).toBeUndefined();
    }
    const typedButNotSettable = Object.keys(scalarKeys).filter(
      (key) => !Object.hasOwn(settableConfigKeys, key),
    );
    expect(typedButNotSettable.sort()).toEqual([...readOnlyConfigKeys].sort());
  });

  const formats: Record<string, PropertyFormat> = {
    'net[n]': netFormat,
    'mp[n]': mountPointFormat,
    rootfs: rootFsFormat,
    features: featuresFormat,
    'dev[n]': deviceFormat,
    'unused[n]': unusedFormat,
  };

  it.each(Object.entries(formats))('%s: every field with its type and limits', (key, format) => {
    const fields = (putParameters[key]?.format ?? {}) as Record<string, SchemaProperty>;
    const ours = Object.fromEntries(Object.values(format.fields).map((spec) => [spec.key, spec]));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(fields).sort());
    for (const [name, official] of Object.entries(fields)) {
      const spec = ours[name];
      // Lists are strings on the wire (`a;b`), checked by pattern on the host.
      const type = spec?.type === 'string-list' || spec?.type === 'integer-list' ? 'string' : spec?.type;
      expect({ field: name, ...limitsOf({ ...spec, type } as SchemaProperty) }).toEqual({
        field: name,
        ...limitsOf(official),
      });
    }
  });
});
