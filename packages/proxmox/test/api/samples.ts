import type { EndpointSchema } from '../support/api-schema.js';
import type { SchemaProperty } from '../support/schema-values.js';

// Sample calls and answers built from Proxmox's own schema (data/pve-api), for walking every
// endpoint: a value for each required parameter that PVE accepts, and an answer shaped as the
// endpoint documents it, with the wire quirks a host adds (integers as decimal strings, flags
// as 0/1).

/**
 * Strings PVE accepts for the common formats and patterns; a parameter takes the first one its
 * schema accepts (the test that uses them reports a parameter none fits).
 */
export const stringCandidates: readonly string[] = [
  'pve1',
  'local',
  'net0',
  '100',
  'vm:100',
  '100-0',
  'root@pam',
  'root@pam!token1',
  'local:iso/debian.iso',
  'vmbr0',
  'eno1',
  '192.0.2.10',
  '192.0.2.0/24',
  'aa:bb:cc:dd:ee:02',
  'example.com',
  'admin@example.com',
  'mon.pve1',
  'osd',
  '/dev/sdb',
  'ops',
  'pve1:1',
  'sunday',
  'daily',
  'mon',
  'ok',
  'images',
  'sda',
  'zone1',
  'https://example.com/debian.iso',
  '0000:01:00.0',
  'Administrator',
  'a0',
  '1234:5678',
  'pve4c-0123456789',
  Array.from({ length: 32 }, () => 'ab').join(':'),
];

/**
 * Values for formats the request check of test/support does not know (it accepts any string
 * for them), so a candidate above would pass it without being what PVE takes.
 */
const formatSamples: Readonly<Record<string, string>> = {
  IPorCIDR: '192.0.2.10',
  IPorCIDRorAlias: '192.0.2.10',
  ip: '192.0.2.10',
  'pve-ha-resource-id': 'vm:100',
  'pve-ha-resource-id-list': 'vm:100',
  'pve-ha-resource-or-vm-id': 'vm:100',
  email: 'admin@example.com',
  'email-list': 'admin@example.com',
  'email-or-username': 'admin@example.com',
  'pve-storage-path': '/mnt/data',
  'pve-storage-path-in-property-string': '/mnt/data',
  'pve-sdn-subnet-id': 'zone1-192.0.2.0-24',
  'pve-userid': 'root@pam',
  'pve-priv-list': 'VM.Audit,Sys.Audit',
  'pve-command-batch': '[{"path":"/version","method":"GET"}]',
  'pem-certificate-chain': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  'pem-string': '-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n',
  'proxmox-remote':
    'host=192.0.2.10,apitoken=PVEAPIToken=root@pam!token1=0b6c3c0e-0f55-4a4f-9b0e-5d2f7f0c9a11',
};

type Accepts = (property: SchemaProperty, value: string) => boolean;

/** The name of an indexed parameter's first instance: `net[n]` → `net0`. */
export function concreteName(name: string): string {
  return name.replace(/\[n\]$/, '0');
}

/** A value of `property` that `accepts` (the client's own check) passes, or undefined. */
export function sampleValue(property: SchemaProperty, accepts: Accepts): unknown {
  const [alternative] = property.oneOf ?? [];
  if (alternative) {
    const { oneOf: _alternatives, ...rest } = property;
    return sampleValue({ ...rest, ...alternative }, accepts);
  }
  if (property.enum && property.enum.length > 0) return property.enum[0];
  switch (property.type) {
    case 'integer':
    case 'number': {
      const minimum = property.minimum === undefined ? undefined : Number(property.minimum);
      const maximum = property.maximum === undefined ? undefined : Number(property.maximum);
      if (minimum !== undefined) return minimum;
      if (maximum !== undefined) return Math.min(maximum, 1);
      return 1;
    }
    case 'boolean':
      return true;
    case 'array': {
      const item = sampleValue(property.items ?? { type: 'string' }, accepts);
      return item === undefined ? undefined : [item];
    }
    case 'object':
      return undefined;
    default:
      break;
  }
  if (property.format && typeof property.format === 'object') {
    const object: Record<string, unknown> = {};
    const entries = Object.entries(property.format);
    const required = entries.filter(([, sub]) => !sub.optional && !sub.alias);
    const chosen = required.length > 0 ? required : entries.filter(([, sub]) => sub.default_key).slice(0, 1);
    for (const [key, sub] of chosen.length > 0 ? chosen : entries.slice(0, 1)) {
      const value = sampleValue(sub, accepts);
      if (value === undefined) return undefined;
      object[key] = value;
    }
    return object;
  }
  const known = typeof property.format === 'string' ? formatSamples[property.format] : undefined;
  if (known !== undefined && accepts(property, known)) return known;
  return stringCandidates.find((candidate) => accepts(property, candidate));
}

/** The parameters a call of `endpoint` needs: path values and the required others. */
export function sampleCall(
  endpoint: EndpointSchema,
  accepts: Accepts,
): { path: Record<string, unknown>; params: Record<string, unknown>; missing: string[] } {
  const placeholders = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const properties = endpoint.parameters.properties ?? {};
  const path: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of placeholders) {
    const property = properties[name] ?? { type: 'string' };
    const value = sampleValue(property, accepts);
    if (value === undefined) missing.push(name);
    else path[name] = value;
  }
  for (const [name, property] of Object.entries(properties)) {
    if (placeholders.includes(name) || isOptional(property) || name.endsWith('[n]')) continue;
    const value = sampleValue(property, accepts);
    if (value === undefined) missing.push(name);
    else params[concreteName(name)] = value;
  }
  return { path, params, missing };
}

/** Optional as PVE reads it: the flag, or every alternative of a `oneOf` optional. */
function isOptional(property: SchemaProperty): boolean {
  return Boolean(property.optional) || (property.oneOf?.every((a) => Boolean(a.optional)) ?? false);
}

interface ReturnsSchema {
  readonly type?: string;
  readonly optional?: number | boolean;
  readonly items?: ReturnsSchema;
  readonly properties?: Readonly<Record<string, ReturnsSchema>>;
  readonly oneOf?: readonly ReturnsSchema[];
}

/**
 * An answer shaped as `returns` documents it: required fields only, integers as decimal
 * strings and booleans as `1`, as PVE hosts send them.
 */
export function sampleAnswer(returns: ReturnsSchema | undefined): unknown {
  if (!returns) return null;
  if (returns.oneOf?.[0]) return sampleAnswer(returns.oneOf[0]);
  switch (returns.type) {
    case 'integer':
      return '7';
    case 'number':
      return 1.5;
    case 'boolean':
      return 1;
    case 'string':
      return 'text';
    case 'array':
      return returns.items ? [sampleAnswer(returns.items)] : [];
    case 'object': {
      const answer: Record<string, unknown> = { undeclared: 'kept' };
      for (const [key, property] of Object.entries(returns.properties ?? {})) {
        if (!property.optional && !key.endsWith('[n]')) answer[key] = sampleAnswer(property);
      }
      return answer;
    }
    default:
      return null;
  }
}

/** The answer with the quirks undone: what the client must resolve to. */
export function expectedAnswer(returns: ReturnsSchema | undefined, wire: unknown): unknown {
  if (!returns || wire === null) return wire;
  if (returns.oneOf?.[0]) return expectedAnswer(returns.oneOf[0], wire);
  switch (returns.type) {
    case 'integer':
      return Number(wire);
    case 'boolean':
      return wire === 1;
    case 'array':
      return (wire as unknown[]).map((item) => expectedAnswer(returns.items, item));
    case 'object': {
      if (!returns.properties || Object.keys(returns.properties).length === 0) return wire;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(wire as Record<string, unknown>)) {
        out[key] = expectedAnswer(returns.properties[key], value);
      }
      return out;
    }
    default:
      return wire;
  }
}
