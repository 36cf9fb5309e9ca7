/**
 * Why a privileged operation failed, as one discriminant; callers branch on `reason`.
 *
 * - `invalid-input`: an argument was rejected before any command ran.
 * - `command-failed`: the command ran and exited non-zero (or was killed by a signal).
 * - `privilege-denied`: sudo itself refused the command (the sudoers drop-in is missing or narrower).
 * - `timeout`: the command ran out of time and was killed.
 * - `output-too-large`: the command printed more than the runner's stdout cap.
 * - `parse`: the command's output did not have the documented shape.
 * - `mount-point`: the mount point is unsafe or busy (outside the base, a symlink, not empty, in use).
 * - `fstab`: the fstab could not be updated (conflicting entry, the lock, or the atomic write failed).
 * - `mount-device`: the block device behind a UUID is absent, not allowed, in use, or its mount
 *   could not be confirmed.
 * - `unsafe-install`: the sudoers drop-in would pin a file someone other than root can change.
 */
export type PrivilegedErrorReason =
  | 'invalid-input'
  | 'command-failed'
  | 'privilege-denied'
  | 'timeout'
  | 'output-too-large'
  | 'parse'
  | 'mount-point'
  | 'fstab'
  | 'mount-device'
  | 'unsafe-install';

/** A brand shared by every loaded copy of this package, read by {@link isPrivilegedError}. */
const brand: unique symbol = Symbol.for('@felhom/privileged/PrivilegedError');

/** Options common to every {@link PrivilegedError}. */
export interface PrivilegedErrorOptions {
  /** The underlying error, kept as the native `cause`. */
  readonly cause?: unknown;
}

/** The base of every error this package throws (aborts excepted: those are standard `AbortError`s). */
export abstract class PrivilegedError extends Error {
  /** The class name; every subclass overrides it with a literal (bundlers may rename classes). */
  override name = 'PrivilegedError';

  /** Why the operation failed; see {@link PrivilegedErrorReason}. */
  abstract readonly reason: PrivilegedErrorReason;

  /** @internal Brand read by {@link isPrivilegedError}. */
  readonly [brand] = true;

  constructor(message: string, options: PrivilegedErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
  }
}

/**
 * True when `value` is an error thrown by any loaded copy of `@felhom/privileged`.
 *
 * @example
 * ```ts
 * try { await privileged.smart('/dev/sda'); }
 * catch (error) { if (isPrivilegedError(error) && error.reason === 'privilege-denied') console.error(error.message); }
 * ```
 */
export function isPrivilegedError(value: unknown): value is PrivilegedError {
  return (
    value instanceof PrivilegedError ||
    (typeof value === 'object' && value !== null && (value as { [brand]?: unknown })[brand] === true)
  );
}
