import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/api-schema/trees.ts). */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The PVE versions whose schema trees are merged, oldest first; the index is the version's bit. */
export const pveVersions = ['8.4', '9.0', '9.1'] as const;

/** One PVE version of {@link pveVersions}. */
export type PveVersion = (typeof pveVersions)[number];

/** data/pve-api file of each version (provenance in data/SOURCES.md). */
const treeFiles: Readonly<Record<PveVersion, string>> = {
  '8.4': 'pve8.4-apidoc-2025-06-10.json',
  '9.0': 'pve9.0-apidoc-2025-08-10.json',
  '9.1': 'pve9.1-apidoc-2025-12-28.json',
};

/** A property of the schema as apidoc.js spells it (parameters, returns, property-string formats). */
export interface RawProperty {
  readonly type?: string;
  readonly description?: string;
  readonly verbose_description?: string;
  readonly optional?: number | boolean;
  readonly enum?: readonly string[] | null;
  readonly default?: unknown;
  readonly minimum?: number | string | null;
  readonly maximum?: number | string | null;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string | Readonly<Record<string, RawProperty>>;
  readonly default_key?: number | boolean;
  readonly alias?: string;
  readonly keyAlias?: string;
  readonly requires?: string;
  readonly items?: RawProperty;
  readonly properties?: Readonly<Record<string, RawProperty>>;
  readonly additionalProperties?: number | boolean | RawProperty;
  readonly oneOf?: readonly RawProperty[];
  readonly 'type-property'?: string;
  readonly 'instance-types'?: readonly string[];
}

/** One method of one path, as apidoc.js spells it. */
export interface RawMethod {
  readonly name?: string;
  readonly description?: string;
  readonly parameters?: RawProperty;
  readonly returns?: RawProperty;
  readonly permissions?: {
    readonly user?: string;
    readonly description?: string;
    readonly check?: readonly unknown[];
  };
  readonly allowtoken?: number;
  readonly protected?: number;
  readonly proxyto?: string;
}

interface TreeNode {
  readonly path: string;
  readonly info?: Readonly<Record<string, RawMethod>>;
  readonly children?: readonly TreeNode[];
}

/** Every method of a version's tree, keyed `METHOD /path/template`, in tree order. */
export type FlatTree = ReadonlyMap<string, RawMethod>;

function flatten(nodes: readonly TreeNode[], into: Map<string, RawMethod>): void {
  for (const node of nodes) {
    for (const [method, info] of Object.entries(node.info ?? {})) into.set(`${method} ${node.path}`, info);
    flatten(node.children ?? [], into);
  }
}

/** One file of scripts/api-schema/named-formats: the formats one Proxmox repository registers by name. */
interface NamedFormatsFile {
  readonly repository: string;
  readonly commit: string;
  readonly formats: Readonly<
    Record<string, { readonly file: string; readonly properties: Readonly<Record<string, RawProperty>> }>
  >;
}

/**
 * The property-string formats PVE registers by name (`register_format('pve-qm-watchdog', …)`),
 * whose keys the published schema does not spell (apidoc.js writes only the name), transcribed
 * key by key from the Perl hash each Proxmox module registers into named-formats/ (one file per
 * repository, naming its commit and each format's file): name → keys.
 */
export function loadNamedFormats(): ReadonlyMap<string, Readonly<Record<string, RawProperty>>> {
  const directory = fileURLToPath(new URL('./named-formats', import.meta.url));
  const formats = new Map<string, Readonly<Record<string, RawProperty>>>();
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const file = JSON.parse(readFileSync(join(directory, name), 'utf8')) as NamedFormatsFile;
    for (const [format, { properties }] of Object.entries(file.formats)) {
      if (formats.has(format)) throw new Error(`named-formats: ${format} is defined twice`);
      formats.set(format, properties);
    }
  }
  return formats;
}

/** `raw` with every named property-string format of `named` replaced by its keys. */
export function inlineNamedFormats(
  raw: RawProperty,
  named: ReadonlyMap<string, Readonly<Record<string, RawProperty>>>,
): RawProperty {
  const inline = (property: RawProperty) => inlineNamedFormats(property, named);
  const mapRecord = (record: Readonly<Record<string, RawProperty>>) =>
    Object.fromEntries(Object.entries(record).map(([key, property]) => [key, inline(property)]));
  const format = typeof raw.format === 'string' ? (named.get(raw.format) ?? raw.format) : raw.format;
  return {
    ...raw,
    ...(format === undefined ? {} : { format: typeof format === 'string' ? format : mapRecord(format) }),
    ...(raw.items ? { items: inline(raw.items) } : {}),
    ...(raw.properties ? { properties: mapRecord(raw.properties) } : {}),
    ...(raw.oneOf ? { oneOf: raw.oneOf.map(inline) } : {}),
    ...(typeof raw.additionalProperties === 'object'
      ? { additionalProperties: inline(raw.additionalProperties) }
      : {}),
  };
}

/**
 * Reads the three schema trees from data/pve-api, with the named property-string formats of
 * named-formats/ spelled out in parameters and returns, as the schema spells the others.
 */
export function loadTrees(): ReadonlyMap<PveVersion, FlatTree> {
  const named = loadNamedFormats();
  const trees = new Map<PveVersion, FlatTree>();
  for (const version of pveVersions) {
    const file = join(repositoryRoot, 'data', 'pve-api', treeFiles[version]);
    const flat = new Map<string, RawMethod>();
    flatten(JSON.parse(readFileSync(file, 'utf8')) as TreeNode[], flat);
    for (const [key, method] of flat) {
      flat.set(key, {
        ...method,
        ...(method.parameters ? { parameters: inlineNamedFormats(method.parameters, named) } : {}),
        ...(method.returns ? { returns: inlineNamedFormats(method.returns, named) } : {}),
      });
    }
    trees.set(version, flat);
  }
  return trees;
}
