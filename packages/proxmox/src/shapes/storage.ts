import { flag, integer, number, object, optional, string, textList } from './shape.js';

/**
 * One section of storage.cfg from `GET /storage`. `content` and `nodes` (comma lists) become
 * arrays; `shared`/`disable` become booleans. `digest` is the digest of the whole storage.cfg
 * (the same on every entry); pass it back to guard a concurrent edit. Plugin keys (`path`,
 * `pool`, `server`, `datastore`, `prune-backups`, …) pass through.
 */
export const storageConfigShape = object({
  storage: string(),
  type: string(),
  content: optional(textList()),
  digest: optional(string()),
  nodes: optional(textList()),
  shared: optional(flag()),
  disable: optional(flag()),
});

/**
 * One entry of `GET /nodes/{node}/storage`. `content` becomes an array; `enabled`, `active`,
 * `shared` booleans. Sizes are absent for inactive storages; `used_fraction` only when
 * `total > 0`.
 */
export const nodeStorageItemShape = object({
  storage: string(),
  type: string(),
  content: textList(),
  enabled: optional(flag()),
  active: optional(flag()),
  shared: optional(flag()),
  total: optional(integer()),
  used: optional(integer()),
  avail: optional(integer()),
  used_fraction: optional(number()),
  select_existing: optional(flag()),
});
