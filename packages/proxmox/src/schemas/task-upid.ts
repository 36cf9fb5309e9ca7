import type * as v from 'valibot';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { parseUPID } from '../upid/parse-upid.js';
import type { UPID } from '../upid/upid.js';
import { upidStringSchema } from './mutation.js';
import { parseFreshResponse } from './parse.js';

/**
 * The `data` of a call that started a worker, parsed into a {@link UPID}. A string that has the
 * UPID outline but does not decode is reported as a {@link ResponseShapeError} too: either way
 * the host sent something the client cannot use.
 */
export function parseTaskUPID(data: unknown, endpoint: string): UPID {
  const text = parseFreshResponse(upidStringSchema, data, endpoint);
  try {
    return parseUPID(text);
  } catch (error) {
    const issue: v.BaseIssue<unknown> = {
      kind: 'validation',
      type: 'upid',
      input: text,
      expected: 'a Proxmox VE UPID',
      received: JSON.stringify(text),
      message: error instanceof Error ? error.message : String(error),
    };
    throw new ResponseShapeError({ endpoint, fieldPath: 'data', issues: [issue] });
  }
}
