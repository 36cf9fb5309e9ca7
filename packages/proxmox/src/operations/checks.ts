import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

// Checks for option values the identifier validators do not cover. Each throws
// InvalidArgumentError naming the parameter, before any request is sent. Internal.

/** `undefined`, or a boolean. */
export function optionalBoolean(parameter: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new InvalidArgumentError(parameter, value, 'true or false');
}

/** `undefined`, or an integer from `min` to `max`. */
export function optionalInteger(
  parameter: string,
  value: unknown,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(parameter, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** `undefined`, or one of `allowed`. */
export function optionalOneOf<T extends string>(
  parameter: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(parameter, value, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return value as T;
}

/** `undefined`, or a string matching `pattern` (at most `maxLength` characters). */
export function optionalMatching(
  parameter: string,
  value: unknown,
  pattern: RegExp,
  expected: string,
  maxLength = 256,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > maxLength || !pattern.test(value)) {
    throw new InvalidArgumentError(parameter, value, expected);
  }
  return value;
}

/** The storage content types PVE knows (`pve-storage-content`). */
export const storageContentTypes = [
  'images',
  'rootdir',
  'vztmpl',
  'iso',
  'backup',
  'snippets',
  'import',
] as const;

/** A storage content type (`backup`, `vztmpl`, `rootdir`, …). */
export type StorageContentType = (typeof storageContentTypes)[number];
