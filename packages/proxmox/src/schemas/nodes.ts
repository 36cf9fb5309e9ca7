import type { nodeListItemShape } from '../shapes/nodes.js';
import type { Output } from '../shapes/shape.js';
import { responseSchema } from './response-schema.js';

/** One entry of `GET /nodes` (declared in shapes/nodes.ts); usage figures optional. */
export const nodeListItemSchema = responseSchema('nodeListItem');

/** `GET /nodes`. */
export const nodesSchema = responseSchema('nodes');

/** One cluster node as listed by `nodes()`. */
export type NodeListItem = Output<typeof nodeListItemShape>;
