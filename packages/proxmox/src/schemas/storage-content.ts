import * as v from 'valibot';
import { flagLike, integerLike } from './primitives.js';

/**
 * One volume of `GET /nodes/{node}/storage/{storage}/content`. Normalised: `ctime` (a string
 * on lvmthin), `size`/`used` (strings before PVE 7.2) and `vmid` become numbers; `protected`
 * a boolean. `verification.upid` is kept as a string: it is often a Proxmox Backup Server UPID
 * (an extra task-id field), which the UPID parser handles separately.
 */
export const storageContentItemSchema = v.looseObject({
  volid: v.string(),
  format: v.optional(v.string()),
  size: v.optional(integerLike),
  content: v.optional(v.string()),
  vmid: v.optional(integerLike),
  ctime: v.optional(integerLike),
  parent: v.optional(v.string()),
  used: v.optional(integerLike),
  notes: v.optional(v.string()),
  protected: v.optional(flagLike),
  encrypted: v.optional(v.string()),
  subtype: v.optional(v.string()),
  verification: v.optional(
    v.looseObject({
      state: v.string(),
      upid: v.optional(v.string()),
    }),
  ),
});

/** `GET /nodes/{node}/storage/{storage}/content`. */
export const storageContentSchema = v.array(storageContentItemSchema);

/** A volume (backup, template, disk image, ISO) from `storageContent(…)`. */
export type StorageContentItem = v.InferOutput<typeof storageContentItemSchema>;
