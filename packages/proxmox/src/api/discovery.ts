import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { permissionsText } from './generated/permissions.js';
import { type EndpointPermissions, privilegesOf, readPermissions } from './permissions.js';
import { type ApiVersionName, apiVersionNames, flagNoToken, flagProtected } from './schema.js';
import { endpointRows } from './table.js';
import type { ApiMethod } from './types.js';

/** One endpoint of the PVE API, as the generated table describes it. */
export interface ApiEndpointInfo {
  readonly method: ApiMethod;
  /** The path template, e.g. `/nodes/{node}/qemu/{vmid}/status/start`. */
  readonly path: string;
  /** The PVE versions whose schema has the endpoint. */
  readonly versions: readonly ApiVersionName[];
  /** Who may call it (see {@link EndpointPermissions}). */
  readonly permissions: EndpointPermissions;
  /** `false` for the few endpoints that refuse API tokens (`allowtoken => 0`). */
  readonly tokens: boolean;
  /** pveproxy hands the call to the privileged pvedaemon (`protected => 1`). */
  readonly protected: boolean;
  /** The call answers a task id (`UPID`) to wait for. */
  readonly startsTask: boolean;
}

let endpoints: readonly ApiEndpointInfo[] | undefined;

/**
 * Every endpoint of the PVE API (8.4, 9.0 and 9.1 merged), sorted by path template then
 * method; built from the generated table on first call.
 */
export function apiEndpoints(): readonly ApiEndpointInfo[] {
  if (!endpoints) {
    const permissions = (JSON.parse(permissionsText) as Parameters<typeof readPermissions>[0][]).map(
      readPermissions,
    );
    endpoints = [...endpointRows().values()].map(
      ([method, path, versions, , , returnKind, permissionIndex, flags]): ApiEndpointInfo => ({
        method,
        path,
        versions: apiVersionNames.filter((_, index) => (versions & (1 << index)) !== 0),
        permissions: permissions[permissionIndex] ?? { access: 'root' },
        tokens: (flags & flagNoToken) === 0,
        protected: (flags & flagProtected) !== 0,
        startsTask: returnKind !== 0,
      }),
    );
  }
  return endpoints;
}

/** An endpoint named as `'GET /nodes/{node}/qemu'` or `{ method, path }`. */
export type ApiEndpointRef = string | { readonly method: string; readonly path: string };

/** What {@link privilegesFor} answers. */
export interface EndpointPrivileges {
  /** Each endpoint asked about, in the order given (duplicates once). */
  readonly endpoints: readonly ApiEndpointInfo[];
  /**
   * Every privilege the endpoints' schema checks name, sorted. A check may accept any one of
   * several (see each endpoint's `permissions.check`); handlers of `access: 'all'` endpoints
   * check or filter further, as their `description` says.
   */
  readonly privileges: readonly string[];
  /** Endpoints only `root@pam` may call (no privilege grants them). */
  readonly rootOnly: readonly ApiEndpointInfo[];
  /** Endpoints that refuse API tokens whatever their privileges. */
  readonly noTokens: readonly ApiEndpointInfo[];
}

function keyOf(ref: ApiEndpointRef): string {
  if (typeof ref === 'string') return ref.trim().replace(/\s+/, ' ');
  if (typeof ref === 'object' && ref !== null)
    return `${String(ref.method).toUpperCase()} ${String(ref.path)}`;
  throw new InvalidArgumentError('endpoint', ref, "'METHOD /path/template' or { method, path }");
}

/**
 * The privileges a set of endpoints needs, read from the PVE schema's permission checks.
 *
 * @example
 * ```ts
 * privilegesFor(['GET /nodes/{node}/qemu', 'POST /nodes/{node}/qemu/{vmid}/status/start']).privileges
 * // ['VM.Audit', 'VM.PowerMgmt']
 * ```
 * @throws {InvalidArgumentError} naming an endpoint the schema does not have.
 */
export function privilegesFor(refs: Iterable<ApiEndpointRef>): EndpointPrivileges {
  const byKey = new Map(apiEndpoints().map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint]));
  const chosen = new Map<string, ApiEndpointInfo>();
  for (const ref of refs) {
    const key = keyOf(ref);
    const endpoint = byKey.get(key);
    if (!endpoint) throw new InvalidArgumentError('endpoint', key, "'METHOD /path/template' of the PVE API");
    chosen.set(key, endpoint);
  }
  const list = [...chosen.values()];
  const privileges = new Set<string>();
  for (const endpoint of list) {
    // `access: 'all'` ignores its check; nothing to grant there at the schema level.
    if (endpoint.permissions.access === 'check') privilegesOf(endpoint.permissions.check, privileges);
  }
  return {
    endpoints: list,
    privileges: [...privileges].sort(),
    rootOnly: list.filter((endpoint) => endpoint.permissions.access === 'root'),
    noTokens: list.filter((endpoint) => !endpoint.tokens),
  };
}
