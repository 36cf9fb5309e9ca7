import * as v from 'valibot';

/**
 * The body of a mutating call that starts a worker (create/restore, start, stop, shutdown,
 * snapshot, rollback, delete snapshot, vzdump, clone, move volume, destroy, volume delete):
 * a UPID string. Only its outline is checked here; the UPID parser decodes it.
 */
export const upidStringSchema = v.pipe(
  v.string(),
  v.startsWith('UPID:', 'Expected a UPID string'),
  v.endsWith(':', 'Expected a UPID string ending in ":"'),
);

/** The body of a synchronous mutating call (`PUT …/config`, `DELETE …/tasks/{upid}`): `null`. */
export const nullResponseSchema = v.null();

/**
 * `DELETE …/storage/{storage}/content/{volume}` with `delay`: a UPID, or `null` when the
 * task already finished within the delay.
 */
export const optionalUpidStringSchema = v.nullable(upidStringSchema);
