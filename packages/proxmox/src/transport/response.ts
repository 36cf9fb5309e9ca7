import * as v from 'valibot';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { isWireInteger, readWireInteger } from '../schemas/wire-values.js';

/** What {@link ProxmoxClient.request} resolves to: the envelope's `data`, and `total` when sent. */
export interface ProxmoxResponse<T = unknown> {
  /** The envelope's `data`, not validated at this level. */
  readonly data: T;
  /** The envelope's `total` (paged endpoints: task logs, task lists), when the host sent one. */
  readonly total?: number;
}

// Only the envelope is checked here (cheap: `data` is not walked); endpoint schemas check `data`.
// `total` is read like every integer in an answer (schemas/wire-values.ts).
const envelope = v.looseObject({
  data: v.unknown(),
  total: v.optional(
    v.pipe(
      v.custom<unknown>(
        isWireInteger,
        (issue) =>
          `Invalid type: Expected an integer or a decimal integer string but received ${issue.received}`,
      ),
      v.transform(readWireInteger),
    ),
  ),
});

/**
 * Unwraps PVE's `{"data": …, "total"?: n}` envelope. Anything that is not an object with a
 * `data` key is a {@link ResponseShapeError} (a proxy's HTML page, a truncated body).
 */
export function unwrapEnvelope<T>(text: string, endpoint: string): ProxmoxResponse<T> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Validating the raw text yields a valibot issue that shows what arrived instead.
    body = text.length > 200 ? `${text.slice(0, 197)}...` : text;
  }
  // The common case without valibot (this runs on every call); valibot checks anything else,
  // which also yields the issue that names what is wrong.
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'data' in body) {
    const { data, total } = body as { data: T; total?: unknown };
    if (total === undefined) return { data };
    if (isWireInteger(total)) return { data, total: readWireInteger(total) };
  }
  const result = v.safeParse(envelope, body);
  if (!result.success) {
    throw new ResponseShapeError({ endpoint, fieldPath: fieldPathOf(result.issues), issues: result.issues });
  }
  const { data, total } = result.output as { data: T; total?: number };
  return total === undefined ? { data } : { data, total };
}

function fieldPathOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const path = issues[0] ? v.getDotPath(issues[0]) : null;
  return path ?? '(body)';
}
