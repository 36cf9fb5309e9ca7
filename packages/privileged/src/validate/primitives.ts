import { InvalidInputError } from '../errors/invalid-input-error.js';

/** Returns `value` when it is an integer in `[min, max]`, else throws naming `parameter`. */
export function integerIn(parameter: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(parameter, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** Returns `value` when it is a string fully matching `pattern` and at most `maxLength` long. */
export function stringMatching(
  parameter: string,
  value: unknown,
  pattern: RegExp,
  expected: string,
  maxLength = 255,
): string {
  if (typeof value !== 'string' || value.length > maxLength || !pattern.test(value)) {
    throw new InvalidInputError(parameter, value, `${expected} (at most ${maxLength} characters)`);
  }
  return value;
}

/** Returns `value` when it is one of `allowed`. */
export function oneOf<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(parameter, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Returns `value` when it is a boolean, `fallback` when undefined. */
export function booleanOr(parameter: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidInputError(parameter, value, 'a boolean');
  return value;
}

/** Throws unless `value` is a plain object (the spec argument of an operation). */
export function plainObject(parameter: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(parameter, value, 'an object');
  }
  return value as Record<string, unknown>;
}
