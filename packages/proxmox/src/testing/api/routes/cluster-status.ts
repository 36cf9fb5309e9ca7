import { die, paramError } from '../../model/sim-error.js';
import { P } from '../params.js';
import type { SimRoute } from '../route.js';

/**
 * GET /cluster/status — `['perm', '/', ['Sys.Audit']]` (pve-manager `API2/Cluster.pm`
 * `get_status`): the cluster (name, node count, corosync config version, quorum), then one entry
 * per node with its corosync id and address, `local` for the node that answers. A host that is
 * not in a cluster answers only its own entry, with `nodeid` 0.
 */
const status: SimRoute = {
  method: 'GET',
  path: '/cluster/status',
  proxyto: false,
  permission: { path: '/', privileges: ['Sys.Audit'] },
  params: { properties: {} },
  handle: ({ cluster }) => {
    const nodes = [...cluster.nodes.values()];
    const entry = nodes.find((node) => node.name === cluster.entryNode)!;
    if (nodes.length === 1) {
      const standalone = { type: 'node', id: `node/${entry.name}`, name: entry.name, ip: entry.ip };
      return { data: [{ ...standalone, local: 1, nodeid: 0, online: 1, level: '' }] };
    }
    const online = nodes.filter((node) => node.online).length;
    const data: Record<string, unknown>[] = [
      {
        type: 'cluster',
        id: 'cluster',
        nodes: nodes.length,
        version: nodes.length,
        name: cluster.clusterName,
        quorate: online * 2 > nodes.length ? 1 : 0,
      },
    ];
    for (const node of nodes) {
      data.push({
        type: 'node',
        id: `node/${node.name}`,
        name: node.name,
        nodeid: node.nodeid,
        local: node.name === cluster.entryNode ? 1 : 0,
        online: node.online ? 1 : 0,
        ip: node.ip,
        level: '',
      });
    }
    return { data };
  },
};

/**
 * GET /cluster/nextid — `user => 'all'`: the lowest free vmid from 100. The answer is a JSON
 * *string* (`"103"`) though the schema says integer: Perl's JSON encoder writes the counter as a
 * string once it has been used as a hash key. With `vmid`, that id if free (the parameter echoed,
 * a string too), else 400 `{"vmid": "VM 100 already exists"}` whatever the guest's type.
 */
const nextid: SimRoute = {
  method: 'GET',
  path: '/cluster/nextid',
  proxyto: false,
  params: { properties: { vmid: P.optionalVmid } },
  handle: ({ cluster, params }) => {
    if (params.vmid !== undefined) {
      if (cluster.guest(Number(params.vmid)) === undefined) return { data: params.vmid };
      throw paramError({ vmid: `VM ${params.vmid} already exists` });
    }
    for (let vmid = 100; vmid < 1_000_000; vmid++) {
      if (cluster.guest(vmid) === undefined) return { data: String(vmid) };
    }
    throw die('unable to get any free VMID in range [100, 1000000]');
  },
};

/** The cluster status and next-id routes. */
export const CLUSTER_STATUS_ROUTES: readonly SimRoute[] = [status, nextid];
