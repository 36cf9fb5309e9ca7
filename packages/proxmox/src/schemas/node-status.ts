import type { nodeStatusShape } from '../shapes/node-status.js';
import type { Output } from '../shapes/shape.js';
import { responseSchema } from './response-schema.js';

/**
 * `GET /nodes/{node}/status` (declared in shapes/node-status.ts). Normalised: `loadavg`
 * becomes numbers; `cpuinfo.mhz` a number; `cpuinfo.hvm` (`"1"` or `""`) a boolean.
 * `memory.available` (PVE 9.0), `current-kernel` and `boot-info` (PVE 8.1) are optional, as
 * are `ksm`, `swap`, `idle`, `wait`.
 */
export const nodeStatusSchema = responseSchema('nodeStatus');

/** What `nodeStatus(node)` resolves to; see {@link nodeStatusSchema}. */
export type NodeStatus = Output<typeof nodeStatusShape>;
