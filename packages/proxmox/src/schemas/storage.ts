import type { Output } from '../shapes/shape.js';
import type { nodeStorageItemShape, storageConfigShape } from '../shapes/storage.js';
import { responseSchema } from './response-schema.js';

/**
 * One section of storage.cfg from `GET /storage` (declared in shapes/storage.ts). `content`
 * and `nodes` (comma lists) become arrays; `shared`/`disable` become booleans. `digest` is the
 * digest of the whole storage.cfg (the same on every entry). Plugin keys pass through.
 */
export const storageConfigSchema = responseSchema('storageConfig');

/** `GET /storage`. */
export const storageListSchema = responseSchema('storageList');

/**
 * One entry of `GET /nodes/{node}/storage`. `content` becomes an array; `enabled`, `active`,
 * `shared` booleans. Sizes are absent for inactive storages; `used_fraction` only when
 * `total > 0`.
 */
export const nodeStorageItemSchema = responseSchema('nodeStorageItem');

/** `GET /nodes/{node}/storage`. */
export const nodeStorageSchema = responseSchema('nodeStorage');

/** A storage definition from `listStorage()`. */
export type StorageConfig = Output<typeof storageConfigShape>;
/** A storage's state on one node from `nodeStorage(node)`. */
export type NodeStorage = Output<typeof nodeStorageItemShape>;
