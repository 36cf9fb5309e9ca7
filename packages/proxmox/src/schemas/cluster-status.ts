import * as v from 'valibot';
import { wireSchemas } from './shape-schema.js';

/**
 * The `cluster` entry of `GET /cluster/status` (pve-manager `API2/Cluster.pm` `get_status`):
 * the cluster's name, how many nodes it has (offline ones included), the corosync config
 * version and whether it is quorate. Only a host that is part of a cluster sends it.
 */
const clusterEntrySchema = v.looseObject({
  type: v.literal('cluster'),
  id: v.string(),
  name: v.string(),
  nodes: v.optional(wireSchemas.integer),
  version: v.optional(wireSchemas.integer),
  quorate: v.optional(wireSchemas.flag),
});

/**
 * A `node` entry of `GET /cluster/status`: the node's corosync id (`0` on a host that is not in
 * a cluster), its address, whether it is online and whether it is the node that answered
 * (`local`). `level` is the subscription level (`""` without one).
 */
const nodeEntrySchema = v.looseObject({
  type: v.literal('node'),
  id: v.string(),
  name: v.string(),
  nodeid: v.optional(wireSchemas.integer),
  ip: v.optional(v.string()),
  level: v.optional(v.string()),
  local: v.optional(wireSchemas.flag, 0),
  online: v.optional(wireSchemas.flag, 0),
});

/**
 * `GET /cluster/status`: one `cluster` entry (clustered hosts only) and one entry per node.
 * PVE sends the flags as 0/1 and, on older hosts, numbers as strings; the output has booleans
 * and numbers, `local`/`online` `false` when absent.
 */
export const clusterStatusSchema = v.array(v.variant('type', [clusterEntrySchema, nodeEntrySchema]));

/** The `cluster` entry of `clusterStatus()`. */
export type ClusterStatusCluster = v.InferOutput<typeof clusterEntrySchema>;

/** A `node` entry of `clusterStatus()`. */
export type ClusterStatusNode = v.InferOutput<typeof nodeEntrySchema>;

/** One entry of `clusterStatus()`, told apart by `type`. */
export type ClusterStatusEntry = ClusterStatusCluster | ClusterStatusNode;
