import type { permissionsShape } from '../shapes/permissions.js';
import type { Output } from '../shapes/shape.js';
import { responseSchema } from './response-schema.js';

/**
 * `GET /access/permissions` (declared in shapes/permissions.ts): ACL path → privilege → the
 * *propagate* flag as a boolean (every listed privilege is granted; `false` means on that
 * path only).
 */
export const permissionsSchema = responseSchema('permissions');

/** What `permissions(path?)` resolves to: ACL path → privilege → propagate flag. */
export type Permissions = Output<typeof permissionsShape>;
