import { integer, number, object, oneOf, optional, string } from './shape.js';

/**
 * One entry of `GET /nodes`. Every node is listed, but the usage figures (`cpu`, `maxcpu`,
 * `mem`, `maxmem`, `disk`, `maxdisk`, `uptime`) are absent when the caller lacks `Sys.Audit` on
 * `/nodes/<node>` and when the node is offline, so they are optional. `level` is `""` without a
 * subscription; `ssl_fingerprint` may be `""`.
 */
export const nodeListItemShape = object({
  node: string(),
  status: oneOf(['online', 'offline', 'unknown']),
  id: optional(string()),
  type: optional(string()),
  level: optional(string()),
  ssl_fingerprint: optional(string()),
  cpu: optional(number()),
  maxcpu: optional(integer()),
  mem: optional(integer()),
  maxmem: optional(integer()),
  disk: optional(integer()),
  maxdisk: optional(integer()),
  uptime: optional(integer()),
});
