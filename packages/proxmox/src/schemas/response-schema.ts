import * as v from 'valibot';
import { type ResponseShapeName, responseShapes } from '../shapes/index.js';
import type { Output } from '../shapes/shape.js';
import type { GeneratedChecker } from './checker.js';
import { responseCheckers } from './generated/response-checkers.js';
import { shapeSchema } from './shape-schema.js';

// Ties each response shape's valibot schema to its generated checker, so that `parseFreshResponse`,
// given the schema, can take the fast path. Internal to the package.

/** How `parseFreshResponse` reads data the checker accepted: normalise in place, then finish. */
export interface FastPath {
  readonly check: (data: unknown) => boolean;
  readonly read: (data: unknown) => unknown;
}

// A missing checker is a type error here (and the structure test says to regenerate).
const checkers: Readonly<Record<ResponseShapeName, GeneratedChecker>> = responseCheckers;
const fastPaths = new WeakMap<object, FastPath>();

type ShapeOutput<TName extends ResponseShapeName> = Output<(typeof responseShapes)[TName]>;

/** The schema of the response shape `name`, read by its generated checker when it accepts. */
export function responseSchema<TName extends ResponseShapeName>(
  name: TName,
): v.GenericSchema<unknown, ShapeOutput<TName>>;
/** The same, with `finish` turning the shape's output into the schema's (both paths run it). */
export function responseSchema<TName extends ResponseShapeName, TOutput>(
  name: TName,
  finish: (value: ShapeOutput<TName>) => TOutput,
): v.GenericSchema<unknown, TOutput>;
export function responseSchema(
  name: ResponseShapeName,
  finish?: (value: never) => unknown,
): v.GenericSchema<unknown, unknown> {
  const shaped: v.GenericSchema<unknown, unknown> = shapeSchema(responseShapes[name]);
  const { check, normalise } = checkers[name];
  if (finish === undefined) {
    fastPaths.set(shaped, { check, read: normalise });
    return shaped;
  }
  const complete = finish as (value: unknown) => unknown;
  const schema = v.pipe(shaped, v.transform(complete));
  fastPaths.set(schema, { check, read: (data) => complete(normalise(data)) });
  return schema;
}

/** The fast path of a schema made by {@link responseSchema}, if it is one. */
export function fastPathOf(schema: object): FastPath | undefined {
  return fastPaths.get(schema);
}
