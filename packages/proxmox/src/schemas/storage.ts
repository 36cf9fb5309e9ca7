import * as v from 'valibot';
import { flagLike, integerLike, listString, numberLike } from './primitives.js';

/**
 * One section of storage.cfg from `GET /storage`. `content` and `nodes` (comma lists) become
 * arrays; `shared`/`disable` become booleans. `digest` is the digest of the whole storage.cfg
 * (the same on every entry); pass it back to guard a concurrent edit. Plugin keys (`path`,
 * `pool`, `server`, `datastore`, `prune-backups`, …) pass through.
 */
export const storageConfigSchema = v.looseObject({
  storage: v.string(),
  type: v.string(),
  content: v.optional(listString),
  digest: v.optional(v.string()),
  nodes: v.optional(listString),
  shared: v.optional(flagLike),
  disable: v.optional(flagLike),
});

/** `GET /storage`. */
export const storageListSchema = v.array(storageConfigSchema);

/**
 * One entry of `GET /nodes/{node}/storage`. `content` becomes an array; `enabled`, `active`,
 * `shared` booleans. Sizes are absent for inactive storages; `used_fraction` only when
 * `total > 0`.
 */
export const nodeStorageItemSchema = v.looseObject({
  storage: v.string(),
  type: v.string(),
  content: listString,
  enabled: v.optional(flagLike),
  active: v.optional(flagLike),
  shared: v.optional(flagLike),
  total: v.optional(integerLike),
  used: v.optional(integerLike),
  avail: v.optional(integerLike),
  used_fraction: v.optional(numberLike),
  select_existing: v.optional(flagLike),
});

/** `GET /nodes/{node}/storage`. */
export const nodeStorageSchema = v.array(nodeStorageItemSchema);

/** A storage definition from `listStorage()`. */
export type StorageConfig = v.InferOutput<typeof storageConfigSchema>;
/** A storage's state on one node from `nodeStorage(node)`. */
export type NodeStorage = v.InferOutput<typeof nodeStorageItemSchema>;
