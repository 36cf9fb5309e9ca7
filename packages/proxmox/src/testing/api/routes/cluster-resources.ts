import type { SimulatedCluster } from '../../model/cluster.js';
import type { SimGuest } from '../../model/inventory.js';
import { vmStatusView } from '../qemu-views.js';
import type { SimRoute } from '../route.js';
import { guestStatusView, nodeStats } from '../views.js';
import { storageStatus } from './storage.js';

const FIGURES = [
  'cpu',
  'mem',
  'maxmem',
  'disk',
  'maxdisk',
  'diskread',
  'diskwrite',
  'netin',
  'netout',
  'uptime',
];

/**
 * One guest as `extract_vm_stats` (pve-manager `PVE/API2Tools.pm`) reports it from the RRD data:
 * `id` is `lxc/<vmid>` or `qemu/<vmid>`; figures only while its node is online; PVE 9's RRD schema
 * adds `memhost` (0 for containers).
 */
function guestEntry(cluster: SimulatedCluster, guest: SimGuest): Record<string, unknown> {
  const online = cluster.nodes.get(guest.node)?.online ?? false;
  const view =
    guest.type === 'qemu' ? vmStatusView(cluster, guest, true) : guestStatusView(cluster, guest, true);
  const item: Record<string, unknown> = {
    id: `${guest.type}/${guest.vmid}`,
    type: guest.type,
    vmid: guest.vmid,
    node: guest.node,
    name: view.name,
    status: online ? view.status : 'unknown',
    template: guest.config.get('template') === '1' ? 1 : 0,
  };
  if (online) {
    for (const key of FIGURES) item[key] = view[key] ?? 0;
    item.maxcpu = view.cpus;
    if (cluster.profile.memhost) item.memhost = view.memhost ?? 0;
  }
  if (view.tags !== undefined) item.tags = view.tags;
  if (view.lock !== undefined) item.lock = view.lock;
  return item;
}

/**
 * GET /cluster/resources — `user => 'all'`; guests need `VM.Audit` on `/vms/<vmid>`, storages
 * `Datastore.Audit|Datastore.AllocateSpace` on `/storage/<id>`; nodes are always listed, their
 * figures only with `Sys.Audit`.
 */
const resources: SimRoute = {
  method: 'GET',
  path: '/cluster/resources',
  proxyto: false,
  params: {
    properties: { type: { type: 'string', optional: true, enum: ['vm', 'storage', 'node', 'sdn'] } },
  },
  handle: ({ cluster, params, can }) => {
    const type = params.type;
    const out: Record<string, unknown>[] = [];
    if (type === undefined || type === 'vm') {
      for (const guest of [...cluster.guests.values()].sort((a, b) => a.vmid - b.vmid)) {
        if (can(`/vms/${guest.vmid}`, ['VM.Audit'])) out.push(guestEntry(cluster, guest));
      }
    }
    if (type === undefined || type === 'node') {
      for (const node of cluster.nodes.values()) {
        out.push({
          id: `node/${node.name}`,
          type: 'node',
          node: node.name,
          status: node.online ? 'online' : 'offline',
          level: '',
          'cgroup-mode': 2,
          ...(node.online && can(`/nodes/${node.name}`, ['Sys.Audit']) ? nodeStats(cluster, node) : {}),
        });
      }
    }
    if (type === undefined || type === 'storage') {
      for (const node of cluster.nodes.values()) {
        for (const storage of cluster.storages.values()) {
          if (!can(`/storage/${storage.id}`, ['Datastore.Audit', 'Datastore.AllocateSpace'], 'any')) continue;
          const status = storageStatus(cluster, storage, node.name);
          out.push({
            id: `storage/${node.name}/${storage.id}`,
            type: 'storage',
            storage: storage.id,
            node: node.name,
            status: node.online ? 'available' : 'unknown',
            plugintype: storage.type,
            content: storage.content.join(','),
            shared: storage.shared ? 1 : 0,
            ...(node.online ? { disk: status.used, maxdisk: status.total } : {}),
          });
        }
      }
    }
    if (type === undefined || type === 'sdn') {
      for (const node of cluster.nodes.values()) {
        out.push({
          id: `sdn/${node.name}/localnetwork`,
          type: 'sdn',
          sdn: 'localnetwork',
          node: node.name,
          status: node.online ? 'ok' : 'unknown',
        });
      }
    }
    return { data: out };
  },
};

/** The cluster resources route. */
export const CLUSTER_RESOURCE_ROUTES: readonly SimRoute[] = [resources];
