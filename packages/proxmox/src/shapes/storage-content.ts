import { flag, integer, object, optional, string } from './shape.js';

/**
 * One volume of `GET /nodes/{node}/storage/{storage}/content`. Read: `ctime` (a string on
 * lvmthin), `size`/`used` (strings before PVE 7.2) and `vmid` as numbers; `protected` as a
 * boolean. `verification.upid` is kept as a string: it is often a Proxmox Backup Server UPID
 * (an extra task-id field), which the UPID parser handles separately.
 */
export const storageContentItemShape = object({
  volid: string(),
  verification: optional(
    object({
      state: string(),
      upid: optional(string()),
    }),
  ),
  format: optional(string()),
  size: optional(integer()),
  content: optional(string()),
  vmid: optional(integer()),
  ctime: optional(integer()),
  parent: optional(string()),
  used: optional(integer()),
  notes: optional(string()),
  protected: optional(flag()),
  encrypted: optional(string()),
  subtype: optional(string()),
});
