import { wireSchemas } from './shape-schema.js';

/**
 * `GET /cluster/nextid`: the next free vmid. The schema says integer, but PVE answers a JSON
 * string (`"103"`): the id went through a Perl hash key on its way out. Output: a number.
 */
export const nextIdSchema = wireSchemas.integer;
