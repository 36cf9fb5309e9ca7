import type * as v from 'valibot';
import type { Guest, GuestStatus } from '../shapes/guest.js';
import { responseSchema } from './response-schema.js';

export type { Guest, GuestStatus } from '../shapes/guest.js';

/**
 * One entry of `GET /nodes/{node}/lxc` (declared in shapes/guest.ts): `vmid` a number,
 * `template` a boolean (always present), `lock` dropped when `""`, `tags` split into a list
 * (always present); see {@link Guest}.
 */
export const guestSchema: v.GenericSchema<unknown, Guest> = responseSchema('guest');

/** `GET /nodes/{node}/lxc`. */
export const lxcListSchema: v.GenericSchema<unknown, Guest[]> = responseSchema('guestList');

/** `GET /nodes/{node}/lxc/{vmid}/status/current`: the list fields plus `ha` (`managed` a boolean). */
export const guestStatusSchema: v.GenericSchema<unknown, GuestStatus> = responseSchema('guestStatus');
