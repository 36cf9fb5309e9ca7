import { flag, integer, number, object, optional, string } from './shape.js';

/**
 * The resource types `GET /cluster/resources` reports. `openvz` is historic; `sdn` (PVE 6.2+)
 * and `network` (PVE 9) are newer. Unknown future types still parse (`type` is a string).
 */
export type ClusterResourceType = 'node' | 'storage' | 'pool' | 'qemu' | 'lxc' | 'openvz' | 'sdn' | 'network';

/**
 * One entry of `GET /cluster/resources`: a flat object whose fields depend on `type`
 * (guests: `vmid`, `name`, `status`, `template`, usage; nodes: `node`, `level`,
 * `cgroup-mode`; storages: `storage`, `content`, `plugintype`, `shared`; pools: `pool`;
 * sdn: `sdn`, `zone-type`). Every field but `id` and `type` is optional. `vmid` and sizes are
 * read as numbers, `template`/`shared` as booleans.
 */
export const clusterResourceShape = object({
  id: string(),
  type: string(),
  node: optional(string()),
  status: optional(string()),
  name: optional(string()),
  vmid: optional(integer()),
  template: optional(flag()),
  pool: optional(string()),
  storage: optional(string()),
  content: optional(string()),
  plugintype: optional(string()),
  shared: optional(flag()),
  lock: optional(string()),
  tags: optional(string()),
  hastate: optional(string()),
  level: optional(string()),
  sdn: optional(string()),
  cpu: optional(number()),
  maxcpu: optional(number()),
  mem: optional(integer()),
  maxmem: optional(integer()),
  memhost: optional(integer()),
  disk: optional(integer()),
  maxdisk: optional(integer()),
  diskread: optional(integer()),
  diskwrite: optional(integer()),
  netin: optional(integer()),
  netout: optional(integer()),
  uptime: optional(integer()),
  'cgroup-mode': optional(integer()),
});
