import { describe, expect, it } from 'vitest';
import type { PropertyFormat } from '../../src/encoding/typed-format.js';
import {
  efiDiskFormat,
  tpmStateFormat,
  vmAgentFormat,
  vmDriveFormat,
} from '../../src/encoding/vm-formats.js';
import { vmNetFormat } from '../../src/encoding/vm-net.js';
import { vmSettableConfigKeys } from '../../src/vm-config/config-constraints.js';
import { vmDriveBusLimits, vmScalarKeys } from '../../src/vm-config/keys.js';
import { loadApiSchema, pveSchemaVersions } from '../support/api-schema.js';
import type { SchemaProperty } from '../support/schema-values.js';

// The limits setVMConfig and restoreVM check before sending are written into the package; this
// compares them, key for key, with Proxmox's official API schema (PVE 8.4 and 9.1).

/** Keys PVE 9 documents and 8.4's schema does not (8.4 hosts send what they have). */
const newInPve9 = new Set(['parent', 'snaptime', 'meta', 'vmstate', 'efidisk0 ms-cert', 'tpmstate0 format']);

const limitsOf = (property: SchemaProperty | undefined) => ({
  type: property?.type,
  minimum: property?.minimum,
  maximum: property?.maximum,
  enum: property?.enum,
  maxLength: property?.maxLength,
});

describe.each(pveSchemaVersions)('the VM config limits match PVE %s', (version) => {
  const endpoints = loadApiSchema(version).endpoints;
  const put = endpoints.get('PUT /nodes/{node}/qemu/{vmid}/config')?.parameters.properties ?? {};
  const create = endpoints.get('POST /nodes/{node}/qemu')?.parameters.properties ?? {};

  it.each(Object.entries(vmSettableConfigKeys).filter(([key]) => key !== 'memory'))(
    '%s: type, range, values and length',
    (key, constraint) => {
      if (key === 'keyboard' || key === 'arch') expect(put[key]).toBeDefined();
      expect({
        minimum: undefined,
        maximum: undefined,
        enum: undefined,
        maxLength: undefined,
        ...constraint,
      }).toEqual(limitsOf(put[key]));
      expect(limitsOf(create[key])).toEqual(limitsOf(put[key]));
    },
  );

  it('memory is the `current` MiB of its property string', () => {
    const format = put.memory?.format as Readonly<Record<string, SchemaProperty>>;
    expect(limitsOf(format.current)).toMatchObject({
      type: 'integer',
      minimum: vmSettableConfigKeys.memory?.minimum,
    });
  });

  it('every typed scalar is a documented config key of that type', () => {
    const returns = endpoints.get('GET /nodes/{node}/qemu/{vmid}/config')?.returns as {
      properties: Record<string, SchemaProperty>;
    };
    for (const [key, kind] of Object.entries(vmScalarKeys)) {
      if (version === '8.4' && newInPve9.has(key)) continue;
      const documented = returns.properties[key];
      expect(documented, key).toBeDefined();
      expect(documented?.type, key).toBe(kind);
    }
  });

  it.each<[string, PropertyFormat]>([
    ['scsi[n]', vmDriveFormat],
    ['efidisk0', efiDiskFormat],
    ['tpmstate0', tpmStateFormat],
    ['agent', vmAgentFormat],
    ['net[n]', vmNetFormat],
  ])('%s: each typed field is a documented key with the same limits', (key, format) => {
    const documented = put[key]?.format as Readonly<Record<string, SchemaProperty>>;
    for (const spec of Object.values(format.fields)) {
      if (version === '8.4' && newInPve9.has(`${key} ${spec.key}`)) continue;
      const official = documented[spec.key];
      expect(official, `${key} ${spec.key}`).toBeDefined();
      if (spec.enum !== undefined || official?.enum !== undefined) expect(spec.enum).toEqual(official?.enum);
      if (official?.minimum !== undefined) expect(spec.minimum).toBe(Number(official.minimum));
      if (official?.maximum !== undefined) expect(spec.maximum).toBe(Number(official.maximum));
    }
    for (const [alias, target] of Object.entries(format.aliases ?? {})) {
      expect(documented[alias]?.alias).toBe(target);
    }
  });

  it('each drive bus allows as many drives as the schema lists', () => {
    for (const [bus, limit] of Object.entries(vmDriveBusLimits)) {
      expect(put[`${bus}${limit - 1}`] ?? put[`${bus}[n]`], bus).toBeDefined();
    }
  });
});
