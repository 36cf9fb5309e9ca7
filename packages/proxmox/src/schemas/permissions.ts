import * as v from 'valibot';
import { flagLike, plainObject } from './primitives.js';

/**
 * `GET /access/permissions`: `{ "<ACL path>": { "<privilege>": 0 | 1 } }`. The value is the
 * *propagate* flag, not whether the privilege is granted: every listed privilege is granted
 * (0 means granted on that path only, 1 also below it). Output: the same map with the flag as
 * a boolean.
 */
export const permissionsSchema = v.pipe(
  plainObject,
  v.record(v.string(), v.pipe(plainObject, v.record(v.string(), flagLike))),
);

/** What `permissions(path?)` resolves to: ACL path → privilege → propagate flag. */
export type Permissions = v.InferOutput<typeof permissionsSchema>;
