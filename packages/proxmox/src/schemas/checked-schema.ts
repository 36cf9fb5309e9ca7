import * as v from 'valibot';
import type { Kind, Output } from '../shapes/shape.js';
import type { GeneratedChecker } from './checker.js';
import { shapeSchema } from './shape-schema.js';

// Ties a response shape's valibot schema to its generated checker, so that `parseFreshResponse`,
// given the schema, can take the fast path. Internal to the package.

/** How `parseFreshResponse` reads data the checker accepted: normalise in place, then finish. */
export interface FastPath {
  readonly check: (data: unknown) => boolean;
  readonly read: (data: unknown) => unknown;
}

const fastPaths = new WeakMap<object, FastPath>();

/** The schema of `shape`, read by `checker` (the shape's generated checker) when it accepts. */
export function checkedSchema<TShape extends Kind>(
  shape: TShape,
  checker: GeneratedChecker,
): v.GenericSchema<unknown, Output<TShape>>;
/** The same, with `finish` turning the shape's output into the schema's (both paths run it). */
export function checkedSchema<TShape extends Kind, TOutput>(
  shape: TShape,
  checker: GeneratedChecker,
  finish: (value: Output<TShape>) => TOutput,
): v.GenericSchema<unknown, TOutput>;
export function checkedSchema(
  shape: Kind,
  { check, normalise }: GeneratedChecker,
  finish?: (value: never) => unknown,
): v.GenericSchema<unknown, unknown> {
  const shaped: v.GenericSchema<unknown, unknown> = shapeSchema(shape);
  if (finish === undefined) {
    fastPaths.set(shaped, { check, read: normalise });
    return shaped;
  }
  const complete = finish as (value: unknown) => unknown;
  const schema = v.pipe(shaped, v.transform(complete));
  fastPaths.set(schema, { check, read: (data) => complete(normalise(data)) });
  return schema;
}

/** The fast path of a schema made by {@link checkedSchema}, if it is one. */
export function fastPathOf(schema: object): FastPath | undefined {
  return fastPaths.get(schema);
}
