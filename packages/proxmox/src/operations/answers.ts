import type * as v from 'valibot';
import { nullResponseSchema } from '../schemas/mutation.js';
import { parseFreshResponse, type ResponseSchema } from '../schemas/parse.js';
import { parseTaskUPID } from '../schemas/task-upid.js';
import type { UPID } from '../upid/upid.js';
import type { Answer } from './define.js';

/** An answer validated (and normalised) by a response schema. */
export function schemaAnswer<TSchema extends ResponseSchema>(
  schema: TSchema,
): Answer<v.InferOutput<TSchema>, unknown> {
  return { upid: false, parse: (data, endpoint) => parseFreshResponse(schema, data, endpoint) };
}

/** The answer of a call that starts a task: its UPID, parsed. */
export const upidAnswer: Answer<UPID, unknown> = { upid: true, parse: parseTaskUPID };

/** The `null` answer of a call that acts synchronously and returns nothing. */
export const nothingAnswer: Answer<void, unknown> = {
  upid: false,
  parse: (data, endpoint) => {
    parseFreshResponse(nullResponseSchema, data, endpoint);
  },
};

/** An answer parsed by its own function (completed from the request, or a UPID or nothing). */
export function customAnswer<TResult, TRequest>(
  parse: (data: unknown, endpoint: string, request: TRequest) => TResult,
  kind: { readonly upid: boolean },
): Answer<TResult, TRequest> {
  return { upid: kind.upid, parse };
}
