import type * as v from 'valibot';
import { type ResponseShapeName, responseShapes } from '../shapes/index.js';
import type { Output } from '../shapes/shape.js';
import { checkedSchema } from './checked-schema.js';
import type { GeneratedChecker } from './checker.js';
import { resourceCheckers } from './generated/resource-checkers.js';
import { taskCheckers } from './generated/task-checkers.js';

// The schema of a response shape by its name in src/shapes/index.ts. Internal to the package.

// A missing checker is a type error here (and the structure test says to regenerate).
const checkers: Readonly<Record<ResponseShapeName, GeneratedChecker>> = {
  ...resourceCheckers,
  ...taskCheckers,
};

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
  return finish === undefined
    ? checkedSchema(responseShapes[name], checkers[name])
    : checkedSchema(responseShapes[name], checkers[name], finish as (value: unknown) => unknown);
}
