import type { SimRequestLogEntry, SimulatedCluster } from '../model/cluster.js';
import type { SimProfile } from '../model/profiles.js';
import { die, SimError } from '../model/sim-error.js';
import { authenticate, tokenIdFromHeader } from './auth.js';
import { validateParams } from './params.js';
import { fillTemplate, permissionChecker, type SimRoute } from './route.js';
import { SIM_ROUTES } from './routes/index.js';
import {
  bareResponse,
  errorResponse,
  parseBody,
  type SimHttpRequest,
  type SimHttpResponse,
  successResponse,
} from './wire.js';

const API_PREFIX = '/api2/json';

function matchRoute(
  profile: SimProfile,
  method: string,
  path: string,
): { route: SimRoute; uriParams: Record<string, string> } | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  for (const route of SIM_ROUTES) {
    if (route.method !== method || route.available?.(profile) === false) continue;
    const template = route.path.split('/').filter((s) => s !== '');
    if (template.length !== segments.length) continue;
    const uriParams: Record<string, string> = {};
    let ok = true;
    for (const [i, part] of template.entries()) {
      const segment = segments[i]!;
      if (part.startsWith('{')) uriParams[part.slice(1, -1)] = decodeURIComponent(segment);
      else if (part !== segment) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, uriParams };
  }
  return undefined;
}

/**
 * Answers one request the way pveproxy does, in its order: authentication (401), handler lookup
 * (501), the schema's permission check (403), proxying to the target node (595 when offline),
 * parameter validation (400), then the handler (500 for its `die`s). Every request is logged.
 */
export function handleSimulatorRequest(cluster: SimulatedCluster, request: SimHttpRequest): SimHttpResponse {
  const url = new URL(request.url, 'https://simulator.invalid');
  const method = request.method.toUpperCase();
  const relPath =
    url.pathname.startsWith(`${API_PREFIX}/`) || url.pathname === API_PREFIX
      ? url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '') || '/'
      : url.pathname;
  const query = Object.fromEntries(url.searchParams);
  const body = parseBody(request.body, request.contentType);
  const entry: SimRequestLogEntry = {
    method,
    path: relPath,
    query,
    body: body ?? {},
    tokenId: tokenIdFromHeader(request.authorization),
    endpoint: undefined,
    status: 0,
  };
  cluster.requests.push(entry);
  const response = answer(cluster, request, entry, url.pathname, query, body);
  entry.status = response.status;
  return response;
}

function answer(
  cluster: SimulatedCluster,
  request: SimHttpRequest,
  entry: SimRequestLogEntry,
  fullPath: string,
  query: Record<string, string>,
  body: Record<string, string> | undefined,
): SimHttpResponse {
  if (!fullPath.startsWith(API_PREFIX)) return bareResponse(501, `no such file '${fullPath}'`);
  const auth = authenticate(cluster, request.authorization);
  if ('reason' in auth) return bareResponse(401, auth.reason);
  const profile = cluster.profile;
  const { method, path: relPath } = entry;
  try {
    const matched = matchRoute(profile, method, relPath);
    if (!matched) throw new SimError(501, `Method '${method} ${relPath}' not implemented`);
    entry.endpoint = `${matched.route.method} ${matched.route.path}`;
    if (body === undefined) throw new SimError(400, 'unable to parse JSON body');
    const { route, uriParams } = matched;
    const merged: Record<string, string> = { ...query, ...body, ...uriParams };
    const checker = permissionChecker(cluster, auth.actor);
    if (route.permission) {
      checker.check(
        fillTemplate(route.permission.path, merged),
        route.permission.privileges,
        route.permission.mode,
      );
    }
    if (route.proxyto) proxyCheck(cluster, merged.node ?? '');
    const params = validateParams(route.params, merged);
    cluster.tick();
    const result = route.handle({ cluster, actor: auth.actor, params, ...checker });
    return successResponse(result.data, result.total);
  } catch (error) {
    if (error instanceof SimError) {
      if (error.status === 595) return bareResponse(595, error.message.trimEnd());
      return errorResponse(error, profile);
    }
    // A bug in a handler still answers like the host's `die` would, with the text.
    return errorResponse(die(error instanceof Error ? error.message : String(error)), profile);
  }
}

/** pveproxy forwarding a `proxyto => 'node'` call: unknown names fail the lookup, offline nodes 595. */
function proxyCheck(cluster: SimulatedCluster, node: string): void {
  if (node === cluster.entryNode || node === 'localhost') return;
  const target = cluster.nodes.get(node);
  if (!target) {
    throw die(
      `hostname lookup '${node}' failed - failed to get address info for: ${node}: Name or service not known`,
    );
  }
  if (!target.online)
    throw new SimError(595, 'Errors during connection establishment, proxy handshake: No route to host');
}
