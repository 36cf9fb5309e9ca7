import * as v from 'valibot';
import { integerLike, numberLike } from './primitives.js';

/**
 * One entry of `GET /nodes`. Every node is listed, but the usage figures (`cpu`, `maxcpu`,
 * `mem`, `maxmem`, `disk`, `maxdisk`, `uptime`) are absent when the caller lacks `Sys.Audit` on
 * `/nodes/<node>` and when the node is offline, so they are optional. `level` is `""` without a
 * subscription; `ssl_fingerprint` may be `""`.
 */
export const nodeListItemSchema = v.looseObject({
  node: v.string(),
  status: v.picklist(['online', 'offline', 'unknown']),
  id: v.optional(v.string()),
  type: v.optional(v.string()),
  level: v.optional(v.string()),
  ssl_fingerprint: v.optional(v.string()),
  cpu: v.optional(numberLike),
  maxcpu: v.optional(integerLike),
  mem: v.optional(integerLike),
  maxmem: v.optional(integerLike),
  disk: v.optional(integerLike),
  maxdisk: v.optional(integerLike),
  uptime: v.optional(integerLike),
});

/** `GET /nodes`. */
export const nodesSchema = v.array(nodeListItemSchema);

/** One cluster node as listed by `nodes()`. */
export type NodeListItem = v.InferOutput<typeof nodeListItemSchema>;
