import type { GuestConfig } from '@felhom/proxmox';
import {
  clusterResourcesSchema,
  guestConfigSchema,
  guestStatusSchema,
  lxcListSchema,
  nodeStatusSchema,
  nodeStorageSchema,
  nodesSchema,
  parseResponse,
  permissionsSchema,
  type ResponseSchema,
  snapshotListSchema,
  storageContentSchema,
  storageListSchema,
  taskListSchema,
  upidStringSchema,
  versionSchema,
} from '@felhom/proxmox/schemas';
import { describe, expect, it } from 'vitest';
import { clusterStatusSchema } from '../../src/schemas/cluster-status.js';
import { containerInterfacesSchema } from '../../src/schemas/container-interfaces.js';
import { nextIdSchema } from '../../src/schemas/next-id.js';
import { tokenInfoSchema } from '../../src/schemas/token-info.js';
import { vmListSchema, vmStatusSchema } from '../../src/schemas/vm.js';
import { vmConfigSchema } from '../../src/schemas/vm-config.js';
import type { VMConfig } from '../../src/vm-config/types.js';
import { loadApiSchema, type PveSchemaVersion, pveSchemaVersions } from '../support/api-schema.js';

// Proxmox's own API schema (PVE 8.4 and 9.1, the whole trees in data/pve-api) against ours: a
// body built from each endpoint's documented `returns` must parse, our schemas must not require
// what PVE documents as optional, and every documented config key and property-string key must be
// modelled (not left in extra).

interface JsonSchema {
  readonly type?: string;
  readonly optional?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly enum?: readonly string[];
  readonly minimum?: number | string;
  readonly format?: string | Readonly<Record<string, JsonSchema>>;
  readonly default_key?: number;
  readonly pattern?: string;
  readonly alias?: string;
}

const schemas: Readonly<Record<string, ResponseSchema>> = {
  'GET /version': versionSchema,
  'GET /nodes': nodesSchema,
  'GET /nodes/{node}/status': nodeStatusSchema,
  'GET /nodes/{node}/lxc': lxcListSchema,
  'GET /nodes/{node}/lxc/{vmid}/status/current': guestStatusSchema,
  'GET /nodes/{node}/lxc/{vmid}/config': guestConfigSchema,
  'GET /nodes/{node}/lxc/{vmid}/snapshot': snapshotListSchema,
  'GET /storage': storageListSchema,
  'GET /nodes/{node}/storage': nodeStorageSchema,
  'GET /nodes/{node}/storage/{storage}/content': storageContentSchema,
  'GET /cluster/resources': clusterResourcesSchema,
  'GET /nodes/{node}/tasks': taskListSchema,
  'GET /access/permissions': permissionsSchema,
  'POST /nodes/{node}/lxc': upidStringSchema,
  'POST /nodes/{node}/lxc/{vmid}/status/start': upidStringSchema,
  'POST /nodes/{node}/lxc/{vmid}/status/stop': upidStringSchema,
  'POST /nodes/{node}/lxc/{vmid}/status/shutdown': upidStringSchema,
  'POST /nodes/{node}/lxc/{vmid}/snapshot': upidStringSchema,
  'POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback': upidStringSchema,
  'DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}': upidStringSchema,
  'POST /nodes/{node}/vzdump': upidStringSchema,
  'GET /cluster/status': clusterStatusSchema,
  'GET /cluster/nextid': nextIdSchema,
  'GET /access/users/{userid}/token/{tokenid}': tokenInfoSchema,
  'GET /nodes/{node}/lxc/{vmid}/interfaces': containerInterfacesSchema,
  'POST /nodes/{node}/lxc/{vmid}/status/reboot': upidStringSchema,
  'PUT /nodes/{node}/lxc/{vmid}/resize': upidStringSchema,
  'POST /nodes/{node}/lxc/{vmid}/migrate': upidStringSchema,
  'GET /nodes/{node}/qemu': vmListSchema,
  'GET /nodes/{node}/qemu/{vmid}/status/current': vmStatusSchema,
  'GET /nodes/{node}/qemu/{vmid}/config': vmConfigSchema,
  'GET /nodes/{node}/qemu/{vmid}/snapshot': snapshotListSchema,
};

/** Values where a generic one would not be realistic enough for the schema to accept. */
const overrides: Readonly<Record<string, unknown>> = {
  release: '9.1',
  version: '9.1.2',
  loadavg: ['0.10', '0.20', '0.30'],
  lxc: [['lxc.apparmor.profile', 'unconfined']],
  tags: 'a;b',
  upid: 'UPID:pve:00000001:00000002:00000003:vzdump:100:root@pam:',
};

/** A property-string value for one key of a format, from its type and pattern. */
function propertyValue(key: string, spec: JsonSchema): string {
  if (spec.enum) return spec.enum[0] as string;
  if (spec.type === 'boolean') return '1';
  if (spec.type === 'integer') return String(Number(spec.minimum ?? 1) || 1);
  if (spec.type === 'number') return '1.5';
  if (spec.pattern?.includes('discard')) return 'noatime;nodev';
  if (spec.pattern?.includes('\\d+(?:;')) return '10;20';
  if (spec.pattern?.startsWith('0[0-7]')) return '0660';
  if (key === 'mount') return 'nfs;cifs';
  return key === 'volume' || key === 'path' || key === 'file' ? 'local-lvm:vm-100-disk-0' : `x-${key}`;
}

/**
 * A property string carrying every key the format documents, each once: an alias (`volume` for a
 * drive's `file`, a NIC model name for `model`+`macaddr`) is another spelling of a key already
 * given, and PVE refuses both together.
 */
function propertyString(format: Readonly<Record<string, JsonSchema>>): string {
  return Object.entries(format)
    .filter(([, spec]) => spec.alias === undefined)
    .map(([key, spec]) =>
      spec.default_key ? propertyValue(key, spec) : `${key}=${propertyValue(key, spec)}`,
    )
    .join(',');
}

/** A value for a documented property: every documented field present. */
function sample(key: string, spec: JsonSchema): unknown {
  // An override is for the key's usual meaning (`version` of GET /version, a string), not for an
  // integer of the same name (the corosync config `version` of GET /cluster/status).
  if (key in overrides && (spec.type !== 'integer' || typeof overrides[key] === 'number')) {
    return overrides[key];
  }
  if (spec.format && typeof spec.format === 'object') return propertyString(spec.format);
  if (spec.enum) return spec.enum[0];
  switch (spec.type) {
    case 'integer':
      return Number(spec.minimum ?? 1) || 1;
    case 'number':
      return 0.5;
    case 'boolean':
      return 1;
    case 'array':
      return spec.items ? [sample(`${key}[]`, spec.items)] : [];
    case 'object':
      return Object.fromEntries(
        Object.entries(spec.properties ?? {}).map(([child, childSpec]) => [child, sample(child, childSpec)]),
      );
    case 'null':
      return null;
    default:
      return `x-${key}`;
  }
}

/** `net[n]` → `net0`: the API dump documents indexed keys once. */
function expandIndexed(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key.replace('[n]', '0'), value]));
}

function bodyFor(returns: JsonSchema, alwaysSent: readonly string[] = []): unknown {
  if (returns.type === 'string') return overrides.upid;
  if (returns.type === 'array' && returns.items) {
    return [{ ...(expandObject(sample('item', returns.items)) as object), ...undocumented(alwaysSent) }];
  }
  if (alwaysSent.length > 0)
    return { ...(expandObject(sample('data', returns)) as object), ...undocumented(alwaysSent) };
  return returns.type === 'object' && !returns.properties
    ? { '/': { 'Sys.Audit': 1 } }
    : expandObject(sample('data', returns));
}

function expandObject(value: unknown): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? expandIndexed(value as Record<string, unknown>)
    : value;
}

/** Values for fields a real host sends though the dump does not document them. */
function undocumented(keys: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {
    uptime: 3600,
    kversion: 'Linux 6.8.12-9-pve #1 SMP',
    type: 'dir',
  };
  return Object.fromEntries(keys.map((key) => [key, values[key]]));
}

/** Keys a schema requires: the entries of its object schema that are not optional. */
function requiredKeys(schema: unknown): string[] {
  let node = schema as {
    type?: string;
    item?: unknown;
    pipe?: unknown[];
    entries?: Record<string, { type: string }>;
  };
  for (;;) {
    if (node.type === 'array' && node.item) node = node.item as typeof node;
    else if (node.pipe) node = node.pipe[0] as typeof node;
    else break;
  }
  return Object.entries(node.entries ?? {})
    .filter(([, entry]) => entry.type !== 'optional' && entry.type !== 'nullish')
    .map(([key]) => key);
}

/** Keys we require although the API dump does not document them, each with the reason. */
const undocumentedButAlwaysSent: Readonly<Record<string, readonly string[]>> = {
  // pve-manager Nodes.pm status returns them on every version; the dump lists only some fields.
  'GET /nodes/{node}/status': ['uptime', 'kversion'],
  // Every storage.cfg section has a type; the dump documents only `storage`.
  'GET /storage': ['type'],
};

/** The documented `returns` of one endpoint (`METHOD /path/template`) in a PVE version's schema. */
function returnsOf(version: PveSchemaVersion, endpoint: string): JsonSchema {
  const found = loadApiSchema(version).endpoints.get(endpoint);
  if (!found?.returns) throw new Error(`PVE ${version} documents no returns for ${endpoint}`);
  return found.returns as JsonSchema;
}

describe('schemas against the official API returns', () => {
  for (const version of pveSchemaVersions) {
    describe(`PVE ${version}`, () => {
      it.each(Object.entries(schemas))(
        '%s: a body with every documented field parses',
        (endpoint, schema) => {
          const body = bodyFor(returnsOf(version, endpoint), undocumentedButAlwaysSent[endpoint]);
          expect(() => parseResponse(schema, body, endpoint)).not.toThrow();
        },
      );

      it.each(Object.entries(schemas))(
        '%s: requires only what PVE documents as always present',
        (endpoint, schema) => {
          const returns = returnsOf(version, endpoint);
          const properties = (returns.items ?? returns).properties ?? {};
          const allowed = undocumentedButAlwaysSent[endpoint] ?? [];
          const wrong = requiredKeys(schema).filter(
            (key) => !allowed.includes(key) && (!(key in properties) || properties[key]?.optional === 1),
          );
          expect(wrong).toEqual([]);
        },
      );

      it('models every documented config key and property-string key', () => {
        const endpoint = 'GET /nodes/{node}/lxc/{vmid}/config';
        const body = bodyFor(returnsOf(version, endpoint));
        const config = parseResponse(guestConfigSchema, body, endpoint) as GuestConfig;
        expect(config.extra).toEqual({});
        for (const parsed of [
          config.nets[0],
          config.mountPoints[0],
          config.rootfs,
          config.devices[0],
          config.features,
        ]) {
          expect(parsed).toBeDefined();
          expect(parsed?.extra).toBeUndefined();
        }
        expect(config.unused[0]).toBe('local-lvm:vm-100-disk-0');
      });

      it('reads every documented VM config key, the property strings that matter typed', () => {
        const endpoint = 'GET /nodes/{node}/qemu/{vmid}/config';
        const config = parseResponse(
          vmConfigSchema,
          bodyFor(returnsOf(version, endpoint)),
          endpoint,
        ) as VMConfig;
        for (const typed of [
          config.drives.scsi0,
          config.drives.virtio0,
          config.drives.ide0,
          config.drives.sata0,
        ]) {
          expect(typed?.file).toBe('local-lvm:vm-100-disk-0');
          expect(typed?.media).toBe('cdrom');
        }
        expect(config.nets[0]?.model).toBe('e1000');
        expect(config.nets[0]?.macaddr).toBe('x-macaddr');
        expect(config.efidisk0?.file).toBe('local-lvm:vm-100-disk-0');
        expect(config.tpmstate0?.version).toBe('v1.2');
        expect(config.agent?.enabled).toBe(true);
        expect(config.memory).toBe(16);
        expect(config.unused[0]).toBe('local-lvm:vm-100-disk-0');
        // What stays in extra is what VMConfig does not type: devices, cloud-init IPs, raw args.
        expect(Object.keys(config.extra)).not.toContain('scsi0');
        expect(Object.keys(config.extra)).toContain('hostpci0');
      });
    });
  }
});
