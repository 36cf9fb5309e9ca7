import * as v from 'valibot';
import { ResponseShapeError } from '../errors/response-shape-error.js';

/** Validates `data` against `schema`, raising {@link ResponseShapeError} naming the field. */
export function validateData<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  endpoint: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const first = result.issues[0];
  const dotted = first ? v.getDotPath(first) : null;
  throw new ResponseShapeError({
    endpoint,
    fieldPath: dotted === null ? 'data' : `data.${dotted}`,
    issues: result.issues,
  });
}
