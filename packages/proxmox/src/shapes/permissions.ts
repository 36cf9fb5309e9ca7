import { flag, record } from './shape.js';

/**
 * `GET /access/permissions`: `{ "<ACL path>": { "<privilege>": 0 | 1 } }`. The value is the
 * *propagate* flag, not whether the privilege is granted: every listed privilege is granted
 * (0 means granted on that path only, 1 also below it).
 */
export const permissionsShape = record(record(flag()));
