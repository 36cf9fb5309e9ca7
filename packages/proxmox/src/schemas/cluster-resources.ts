import * as v from 'valibot';
import { looseObjectWithFields } from './field-pass.js';

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
 * coerced to numbers, `template`/`shared` to booleans. Checked in one pass per entry: a cluster
 * with thousands of guests answers with thousands of entries.
 */
export const clusterResourceSchema = looseObjectWithFields(
  { id: v.string(), type: v.string() },
  {
    node: 'string',
    status: 'string',
    name: 'string',
    vmid: 'integer',
    template: 'flag',
    pool: 'string',
    storage: 'string',
    content: 'string',
    plugintype: 'string',
    shared: 'flag',
    lock: 'string',
    tags: 'string',
    hastate: 'string',
    level: 'string',
    sdn: 'string',
    cpu: 'number',
    maxcpu: 'number',
    mem: 'integer',
    maxmem: 'integer',
    memhost: 'integer',
    disk: 'integer',
    maxdisk: 'integer',
    diskread: 'integer',
    diskwrite: 'integer',
    netin: 'integer',
    netout: 'integer',
    uptime: 'integer',
    'cgroup-mode': 'integer',
  },
);

/** `GET /cluster/resources`. */
export const clusterResourcesSchema = v.array(clusterResourceSchema);

/** One cluster resource from `clusterResources(type?)`. */
export type ClusterResource = v.InferOutput<typeof clusterResourceSchema>;
