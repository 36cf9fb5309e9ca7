import * as v from 'valibot';
import { wireSchemas } from './shape-schema.js';

/**
 * `GET /access/users/{userid}/token/{tokenid}` (pve-access-control `read_token`): the token's
 * entry of user.cfg. Hosts send `expire` and `privsep` as numbers or, as a captured PVE 6.2 host
 * did, as strings (`"0"`). Output: `expire` a number (`0` = never; absent is read as `0`),
 * `privsep` a boolean (`true`, PVE's default, when absent), `comment` when set.
 */
export const tokenInfoSchema = v.looseObject({
  expire: v.optional(wireSchemas.integer, 0),
  privsep: v.optional(wireSchemas.flag, 1),
  comment: v.optional(v.string()),
});

/**
 * What `tokenInfo(userid, tokenid)` resolves to: `expire` (seconds since the epoch, `0` = never),
 * `privsep` and, when set, `comment`.
 */
export type TokenInfo = v.InferOutput<typeof tokenInfoSchema>;
