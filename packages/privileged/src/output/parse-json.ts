import * as v from 'valibot';
import { OutputParseError } from '../errors/output-parse-error.js';

/** Parses `text` as JSON and validates it, or throws an `OutputParseError` naming `command` and the field. */
export function parseJsonOutput<const Schema extends v.GenericSchema>(
  command: string,
  text: string,
  schema: Schema,
): v.InferOutput<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OutputParseError({
      command,
      fieldPath: '$',
      detail: `not JSON (${(error as Error).message})`,
      cause: error,
    });
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const first = result.issues[0];
  const path = v.getDotPath(first);
  throw new OutputParseError({
    command,
    fieldPath: path ? `$.${path}` : '$',
    detail: first.message,
    issues: result.issues,
  });
}
