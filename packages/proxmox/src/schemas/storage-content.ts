import type { Output } from '../shapes/shape.js';
import type { storageContentItemShape } from '../shapes/storage-content.js';
import { responseSchema } from './response-schema.js';

/**
 * One volume of `GET /nodes/{node}/storage/{storage}/content` (declared in
 * shapes/storage-content.ts): `ctime`, `size`, `used`, `vmid` numbers; `protected` a boolean;
 * `verification.upid` kept as a string (often a Proxmox Backup Server UPID).
 */
export const storageContentItemSchema = responseSchema('storageContentItem');

/** `GET /nodes/{node}/storage/{storage}/content`. */
export const storageContentSchema = responseSchema('storageContent');

/** A volume (backup, template, disk image, ISO) from `storageContent(…)`. */
export type StorageContentItem = Output<typeof storageContentItemShape>;
