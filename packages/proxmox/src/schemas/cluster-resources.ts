import * as v from 'valibot';
import { flagLike, integerLike, numberLike } from './primitives.js';

/**
 * The resource types `GET /cluster/resources` reports. `openvz` is historic; `sdn` (PVE 6.2+)
 * and `network` (PVE 9) are newer. Unknown future types still parse (`type` is a string).
 */
export type ClusterResourceType = 'node' | 'storage' | 'pool' | 'qemu' | 'lxc' | 'openvz' | 'sdn' | 'network';

/**
 * One entry of `GET /cluster/resources`: a flat object whose fields depend on `type`
 * (guests: `vmid`, `name`, `status`, `template`, usage; nodes: `node`, `level`,
 * `cgroup-mode`; storages: `storage`, `content`, `plugintype`, `shared`; pools: `pool`;
 * sdn: `sdn`, `zone-type`). Every field but `id` and `type` is optional. `vmid` is coerced to a
 * number and `template` to a boolean.
 */
export const clusterResourceSchema = v.looseObject({
  id: v.string(),
  type: v.string(),
  node: v.optional(v.string()),
  status: v.optional(v.string()),
  name: v.optional(v.string()),
  vmid: v.optional(integerLike),
  template: v.optional(flagLike),
  pool: v.optional(v.string()),
  storage: v.optional(v.string()),
  content: v.optional(v.string()),
  plugintype: v.optional(v.string()),
  shared: v.optional(flagLike),
  lock: v.optional(v.string()),
  tags: v.optional(v.string()),
  hastate: v.optional(v.string()),
  level: v.optional(v.string()),
  sdn: v.optional(v.string()),
  cpu: v.optional(numberLike),
  maxcpu: v.optional(numberLike),
  mem: v.optional(integerLike),
  maxmem: v.optional(integerLike),
  disk: v.optional(integerLike),
  maxdisk: v.optional(integerLike),
  diskread: v.optional(integerLike),
  diskwrite: v.optional(integerLike),
  netin: v.optional(integerLike),
  netout: v.optional(integerLike),
  uptime: v.optional(integerLike),
});

/** `GET /cluster/resources`. */
export const clusterResourcesSchema = v.array(clusterResourceSchema);

/** One cluster resource from `clusterResources(type?)`. */
export type ClusterResource = v.InferOutput<typeof clusterResourceSchema>;
