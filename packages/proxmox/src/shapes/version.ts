import { object, optional, string } from './shape.js';

/**
 * `GET /version` as sent: `version`, `release` and `repoid` strings (their meaning changed
 * between PVE 5 and 6, see versionSchema); `keyboard` (dropped after PVE 6) and `console`
 * (datacenter.cfg) optional.
 */
export const versionShape = object({
  version: string(),
  release: string(),
  repoid: string(),
  console: optional(string()),
  keyboard: optional(string()),
});
