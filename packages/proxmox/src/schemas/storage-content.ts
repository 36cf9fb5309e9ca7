import * as v from 'valibot';
import { looseObjectWithFields } from './field-pass.js';

/**
 * One volume of `GET /nodes/{node}/storage/{storage}/content`. Normalised: `ctime` (a string
 * on lvmthin), `size`/`used` (strings before PVE 7.2) and `vmid` become numbers; `protected`
 * a boolean. `verification.upid` is kept as a string: it is often a Proxmox Backup Server UPID
 * (an extra task-id field), which the UPID parser handles separately. Checked in one pass per
 * volume: a PBS storage can list thousands of backups.
 */
export const storageContentItemSchema = looseObjectWithFields(
  {
    volid: v.string(),
    verification: v.optional(
      v.looseObject({
        state: v.string(),
        upid: v.optional(v.string()),
      }),
    ),
  },
  {
    format: 'string',
    size: 'integer',
    content: 'string',
    vmid: 'integer',
    ctime: 'integer',
    parent: 'string',
    used: 'integer',
    notes: 'string',
    protected: 'flag',
    encrypted: 'string',
    subtype: 'string',
  },
);

/** `GET /nodes/{node}/storage/{storage}/content`. */
export const storageContentSchema = v.array(storageContentItemSchema);

/** A volume (backup, template, disk image, ISO) from `storageContent(…)`. */
export type StorageContentItem = v.InferOutput<typeof storageContentItemSchema>;
