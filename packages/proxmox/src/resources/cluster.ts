import { type ClusterResource, clusterResourcesSchema } from '../schemas/cluster-resources.js';
import { type NodeStatus, nodeStatusSchema } from '../schemas/node-status.js';
import { type NodeListItem, nodesSchema } from '../schemas/nodes.js';
import { parseResponse } from '../schemas/parse.js';
import { type Permissions, permissionsSchema } from '../schemas/permissions.js';
import { type PveVersion, versionSchema } from '../schemas/version.js';
import type { APIRequester } from '../tasks/requester.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { optionalMatching, optionalOneOf } from './checks.js';
import { nodePath } from './paths.js';

// Cluster-wide reads: version, nodes, node status, cluster resources, permissions. Internal;
// reached through ProxmoxClient.

/** The `type` filter of `clusterResources(type)`. */
export type ClusterResourcesFilter = 'vm' | 'storage' | 'node' | 'sdn';

const clusterResourceFilters: readonly ClusterResourcesFilter[] = ['vm', 'storage', 'node', 'sdn'];

/** `GET /version`. */
export async function version(api: APIRequester, options?: CallOptions): Promise<PveVersion> {
  const { data } = await api.request('GET', '/version', requestOptions(options));
  return parseResponse(versionSchema, data, 'GET /version');
}

/** `GET /nodes`. */
export async function nodes(api: APIRequester, options?: CallOptions): Promise<NodeListItem[]> {
  const { data } = await api.request('GET', '/nodes', requestOptions(options));
  return parseResponse(nodesSchema, data, 'GET /nodes');
}

/** `GET /nodes/{node}/status`. */
export async function nodeStatus(
  api: APIRequester,
  node: string,
  options?: CallOptions,
): Promise<NodeStatus> {
  const path = `${nodePath(node)}/status`;
  const { data } = await api.request('GET', path, requestOptions(options));
  return parseResponse(nodeStatusSchema, data, `GET ${path}`);
}

/** `GET /cluster/resources[?type=…]`. */
export async function clusterResources(
  api: APIRequester,
  type?: ClusterResourcesFilter,
  options?: CallOptions,
): Promise<ClusterResource[]> {
  const filter = optionalOneOf('type', type, clusterResourceFilters);
  const path = '/cluster/resources';
  const { data } = await api.request('GET', path, requestOptions(options, { query: { type: filter } }));
  return parseResponse(clusterResourcesSchema, data, `GET ${path}`);
}

/** An ACL path: `/`, or `/` followed by non-blank segments (`/vms/100`, `/storage/local`). */
const aclPath = /^\/(?:[^\s/]+(?:\/[^\s/]+)*)?$/;

/** `GET /access/permissions[?path=…]`. */
export async function permissions(
  api: APIRequester,
  path?: string,
  options?: CallOptions,
): Promise<Permissions> {
  const acl = optionalMatching(
    'path',
    path,
    aclPath,
    "an ACL path such as '/', '/vms/100' or '/storage/local'",
  );
  const endpoint = '/access/permissions';
  const { data } = await api.request('GET', endpoint, requestOptions(options, { query: { path: acl } }));
  return parseResponse(permissionsSchema, data, `GET ${endpoint}`);
}
