import { flag, integer, object, optional, string, withDefault } from './shape.js';

/**
 * One entry of `GET /nodes/{node}/lxc/{vmid}/snapshot`, the `current` pseudo-entry included
 * (`{name: "current", description: "You are here!", digest, running, parent?}`).
 */
export const snapshotEntryShape = object({
  name: string(),
  description: withDefault(string(), ''),
  snaptime: optional(integer()),
  parent: optional(string()),
  snapstate: optional(string()),
  vmstate: optional(flag()),
  running: optional(flag()),
  digest: optional(string()),
});
