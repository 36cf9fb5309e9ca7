import * as v from 'valibot';
import { ResponseShapeError } from '../errors/index.js';
import { fastPathOf } from './checked-schema.js';

/** Any valibot schema the response parser accepts. */
export type ResponseSchema = v.GenericSchema<unknown, unknown>;

/** Renders a valibot issue path as `data[3].vmid` (the envelope's `data` is the root). */
export function issueFieldPath(issue: v.BaseIssue<unknown> | undefined): string {
  let path = 'data';
  for (const item of issue?.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) path += `.${key}`;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

/**
 * {@link parseResponse} for `data` the caller has just parsed from JSON and owns: the SDK's own
 * schemas read it through a checker generated from the same declaration, which checks it
 * without touching it and then normalises it in place (no copy), so the output may share
 * objects with `data`. Data the checker refuses goes to the schema untouched, and the schema
 * names the problem. Every answer the client reads goes through here.
 *
 * @param endpoint `METHOD /concrete/path`, for the error message.
 */
export function parseFreshResponse<TSchema extends ResponseSchema>(
  schema: TSchema,
  data: unknown,
  endpoint: string,
): v.InferOutput<TSchema> {
  const fast = fastPathOf(schema);
  if (fast !== undefined && acceptedBy(fast.check, data)) {
    try {
      return fast.read(data) as v.InferOutput<TSchema>;
    } catch {
      // Only data that is not plain JSON gets here (a frozen object refuses the in-place
      // reading); the schema reads it by copying instead.
    }
  }
  let result: v.SafeParseResult<TSchema>;
  try {
    result = v.safeParse(schema, data);
  } catch (error) {
    const issue: v.BaseIssue<unknown> = {
      kind: 'schema',
      type: 'exception',
      input: data,
      expected: null,
      received: 'an exception',
      message: `Schema raised ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
    throw new ResponseShapeError({ endpoint, fieldPath: 'data', issues: [issue] });
  }
  if (result.success) return result.output;
  throw new ResponseShapeError({
    endpoint,
    fieldPath: issueFieldPath(result.issues[0]),
    issues: result.issues,
  });
}

/** The checker's verdict; a checker that throws (a getter on a non-JSON value) refuses. */
function acceptedBy(check: (data: unknown) => boolean, data: unknown): boolean {
  try {
    return check(data);
  } catch {
    return false;
  }
}

/**
 * Validates and normalises a response body's `data` with its endpoint's schema, as the typed
 * methods do: use it on the `data` of `client.request()`. Returns the schema's output, or
 * throws {@link ResponseShapeError} naming the endpoint and the first offending field
 * (`data[3].vmid`). Never lets another error escape: a schema that throws (it should not) is
 * reported as a shape error too. `data` is left as it was.
 *
 * @param endpoint `METHOD /concrete/path`, for the error message.
 */
export function parseResponse<TSchema extends ResponseSchema>(
  schema: TSchema,
  data: unknown,
  endpoint: string,
): v.InferOutput<TSchema> {
  return parseFreshResponse(schema, ownCopy(data), endpoint);
}

/** A copy the in-place reading may change; data that cannot be cloned is read by the schema. */
function ownCopy(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  try {
    return structuredClone(data);
  } catch {
    return data;
  }
}
