import { readFileSync } from 'node:fs';
import { dataPath } from '../../../../test-support/data.js';
import { checkValue, type SchemaProperty } from './schema-values.js';

// Proxmox's own API schema (the whole apidoc trees in data/pve-api), loaded at run time, and a
// validator that checks one request the way pveproxy's parameter verification would: path,
// parameter names, types, enums, formats, limits, required parameters. Test support only; never
// shipped.

/** The PVE versions whose schema the validator knows. */
export type PveSchemaVersion = '8.4' | '9.1';

/** Both versions, oldest first. */
export const pveSchemaVersions: readonly PveSchemaVersion[] = ['8.4', '9.1'];

const schemaFiles: Readonly<Record<PveSchemaVersion, string>> = {
  '8.4': 'pve8.4-apidoc-2025-06-10.json',
  '9.1': 'pve9.1-apidoc-2025-12-28.json',
};

/** One endpoint of the schema. */
export interface EndpointSchema {
  readonly method: string;
  /** The path template, e.g. `/nodes/{node}/lxc/{vmid}/snapshot`. */
  readonly path: string;
  readonly parameters: {
    readonly additionalProperties?: number | boolean;
    readonly properties?: Readonly<Record<string, SchemaProperty>>;
  };
  /** The endpoint's `permissions` object as the schema gives it. */
  readonly permissions?: unknown;
  /** What the endpoint documents it returns (the `data` of the envelope), as the schema gives it. */
  readonly returns?: unknown;
}

/** A loaded schema: every endpoint keyed `METHOD /path/template`. */
export interface ApiSchema {
  readonly version: PveSchemaVersion;
  readonly endpoints: ReadonlyMap<string, EndpointSchema>;
}

interface TreeNode {
  readonly path: string;
  readonly info?: Readonly<Record<string, Omit<EndpointSchema, 'path'>>>;
  readonly children?: readonly TreeNode[];
}

const cache = new Map<PveSchemaVersion, ApiSchema>();

function flatten(nodes: readonly TreeNode[], into: Map<string, EndpointSchema>): void {
  for (const node of nodes) {
    for (const [method, info] of Object.entries(node.info ?? {})) {
      into.set(`${method} ${node.path}`, { ...info, method, path: node.path });
    }
    flatten(node.children ?? [], into);
  }
}

/** Loads (once per process) the official API schema of a PVE version from data/pve-api. */
export function loadApiSchema(version: PveSchemaVersion): ApiSchema {
  const cached = cache.get(version);
  if (cached) return cached;
  const tree = JSON.parse(readFileSync(dataPath('pve-api', schemaFiles[version]), 'utf8')) as TreeNode[];
  const endpoints = new Map<string, EndpointSchema>();
  flatten(tree, endpoints);
  const schema = { version, endpoints };
  cache.set(version, schema);
  return schema;
}

/** A request as the client sent it. */
export interface ApiRequest {
  readonly method: string;
  /** The concrete path, with or without the `/api2/json` prefix and a query string. */
  readonly path: string;
  readonly query?: URLSearchParams | Readonly<Record<string, string | readonly string[]>>;
  /** Form fields (URLSearchParams or a record) or a parsed JSON object. */
  readonly body?: URLSearchParams | Readonly<Record<string, unknown>> | null;
}

/** One way a request breaks the schema. */
export interface SchemaViolation {
  readonly version: PveSchemaVersion;
  /** `METHOD /path/template`, or `METHOD /concrete/path` when no endpoint matched. */
  readonly endpoint: string;
  /** The parameter at fault; absent for path-level problems. */
  readonly parameter?: string;
  readonly reason: string;
}

function splitPath(path: string): { segments: string[]; query: URLSearchParams } {
  const [rawPath = '', rawQuery = ''] = path.split('?', 2);
  const relative = rawPath.replace(/^\/api2\/json(?=\/|$)/, '');
  const segments = relative.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(rawQuery) };
}

/** The endpoint whose template matches `method` + concrete path, and the path parameters. */
export function resolveEndpoint(
  schema: ApiSchema,
  method: string,
  path: string,
): { endpoint: EndpointSchema; pathParams: Record<string, string> } | undefined {
  const { segments } = splitPath(path);
  let best: { endpoint: EndpointSchema; pathParams: Record<string, string>; literals: number } | undefined;
  for (const endpoint of schema.endpoints.values()) {
    if (endpoint.method !== method.toUpperCase()) continue;
    const template = endpoint.path.split('/').filter(Boolean);
    if (template.length !== segments.length) continue;
    const pathParams: Record<string, string> = {};
    let literals = 0;
    const fits = template.every((part, index) => {
      const segment = segments[index] ?? '';
      const placeholder = /^\{([\w-]+)\}$/.exec(part);
      if (placeholder?.[1]) {
        pathParams[placeholder[1]] = segment;
        return segment !== '';
      }
      literals += 1;
      return part === segment;
    });
    // A literal segment beats a placeholder (`…/lxc/{vmid}` vs `…/{subdir}` style overlaps).
    if (fits && (!best || literals > best.literals)) best = { endpoint, pathParams, literals };
  }
  return best && { endpoint: best.endpoint, pathParams: best.pathParams };
}

/** All values per parameter name from the query and the body (JSON values as PVE reads them). */
function collectParameters(request: ApiRequest): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (name: string, value: unknown) => {
    const list = values.get(name) ?? [];
    if (Array.isArray(value)) for (const item of value) list.push(stringify(item));
    else list.push(stringify(value));
    values.set(name, list);
  };
  const addAll = (source: ApiRequest['query'] | ApiRequest['body']) => {
    if (!source) return;
    if (source instanceof URLSearchParams) for (const [name, value] of source) add(name, value);
    else for (const [name, value] of Object.entries(source)) add(name, value);
  };
  for (const [name, value] of splitPath(request.path).query) add(name, value);
  addAll(request.query);
  addAll(request.body);
  return values;
}

function stringify(value: unknown): string {
  if (value === true) return '1';
  if (value === false) return '0';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The schema property for a concrete name: `net0` → `net[n]`. */
function propertyFor(
  properties: Readonly<Record<string, SchemaProperty>>,
  name: string,
): { key: string; property: SchemaProperty } | undefined {
  const direct = properties[name];
  if (direct) return { key: name, property: direct };
  const indexed = /^([a-z]+)\d+$/.exec(name);
  const key = indexed ? `${indexed[1]}[n]` : undefined;
  const property = key ? properties[key] : undefined;
  return key && property ? { key, property } : undefined;
}

function validateOne(request: ApiRequest, schema: ApiSchema): SchemaViolation[] {
  const method = request.method.toUpperCase();
  const resolved = resolveEndpoint(schema, method, request.path);
  if (!resolved) {
    const concrete = `${method} ${request.path}`;
    return [
      { version: schema.version, endpoint: concrete, reason: 'no endpoint of the schema matches this path' },
    ];
  }
  const { endpoint, pathParams } = resolved;
  const name = `${endpoint.method} ${endpoint.path}`;
  const violation = (parameter: string, reason: string): SchemaViolation => ({
    version: schema.version,
    endpoint: name,
    parameter,
    reason,
  });
  const properties = endpoint.parameters.properties ?? {};
  const parameters = collectParameters(request);
  for (const [param, value] of Object.entries(pathParams)) {
    if (parameters.has(param)) return [violation(param, 'given both in the path and as a parameter')];
    parameters.set(param, [value]);
  }
  const violations: SchemaViolation[] = [];
  for (const [param, values] of parameters) {
    const found = propertyFor(properties, param);
    if (!found) {
      if (!endpoint.parameters.additionalProperties) {
        violations.push(
          violation(
            param,
            'property is not defined in schema and the schema does not allow additional properties',
          ),
        );
      }
      continue;
    }
    const { property } = found;
    if (values.length > 1 && property.type !== 'array') {
      violations.push(violation(param, `given ${values.length} times but is not an array`));
      continue;
    }
    for (const value of values) {
      const reason = checkValue(property.type === 'array' ? (property.items ?? {}) : property, value);
      if (reason) violations.push(violation(param, reason));
    }
    if (property.requires && !parameters.has(property.requires)) {
      violations.push(violation(param, `missing property - '${property.requires}' requires this property`));
    }
  }
  for (const [param, property] of Object.entries(properties)) {
    // A property with alternatives is optional when every alternative is (PVE checks the one chosen).
    const alternativesOptional = property.oneOf?.every((alternative) => alternative.optional) ?? false;
    if (property.optional || alternativesOptional || param.endsWith('[n]')) continue;
    if (!parameters.has(param))
      violations.push(violation(param, 'property is missing and it is not optional'));
  }
  return violations;
}

/**
 * Validates one request against its endpoint in each PVE version's schema.
 *
 * @returns Every violation found, naming the version, endpoint, parameter and reason; empty when
 * the request conforms to all the versions given.
 */
export function validateRequest(
  request: ApiRequest,
  versions: readonly PveSchemaVersion[] = pveSchemaVersions,
): SchemaViolation[] {
  return versions.flatMap((version) => validateOne(request, loadApiSchema(version)));
}

/** Renders violations one per line, for assertion messages. */
export function formatViolations(violations: readonly SchemaViolation[]): string {
  return violations
    .map((v) => `PVE ${v.version} ${v.endpoint}${v.parameter ? ` ${v.parameter}` : ''}: ${v.reason}`)
    .join('\n');
}
