import type { clusterResourceShape } from '../shapes/cluster-resources.js';
import type { Output } from '../shapes/shape.js';
import { responseSchema } from './response-schema.js';

export type { ClusterResourceType } from '../shapes/cluster-resources.js';

/**
 * One entry of `GET /cluster/resources` (declared in shapes/cluster-resources.ts): a flat
 * object whose fields depend on `type`; `vmid` and sizes numbers, `template`/`shared` booleans.
 */
export const clusterResourceSchema = responseSchema('clusterResource');

/** `GET /cluster/resources`. */
export const clusterResourcesSchema = responseSchema('clusterResources');

/** One cluster resource from `clusterResources(type?)`. */
export type ClusterResource = Output<typeof clusterResourceShape>;
