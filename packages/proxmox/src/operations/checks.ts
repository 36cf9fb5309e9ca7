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

/** The config digest: SHA-1 as 40 hex digits. */
const digestFormat = /^[0-9a-f]{40}$/i;

/** `undefined`, or the `digest` of a config read earlier (a concurrent edit then conflicts). */
export function optionalDigest(parameter: string, value: unknown): string | undefined {
  return optionalMatching(parameter, value, digestFormat, 'the 40-hex-digit config digest');
}

/** PVE's resource pool id. */
const poolFormat = /^[A-Za-z0-9_.-]+$/;

/** `undefined`, or a resource pool name. */
export function optionalPool(parameter: string, value: unknown): string | undefined {
  return optionalMatching(parameter, value, poolFormat, 'a pool name');
}

// PVE keeps snapshot descriptions in the config file; any printable text is fine, but bound it.
const descriptionFormat = /^[^\0]*$/;

/** `undefined`, or a snapshot description: text without NUL characters, at most 8192 of them. */
export function optionalDescription(parameter: string, value: unknown): string | undefined {
  return optionalMatching(
    parameter,
    value,
    descriptionFormat,
    'text without NUL characters, at most 8192 characters',
    8192,
  );
}
