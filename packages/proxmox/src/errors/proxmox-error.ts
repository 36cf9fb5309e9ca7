/**
 * Why a call failed, as one discriminant. Callers branch on `reason` instead of on classes
 * or status codes; `reasonFromStatus` (`@felhom/proxmox/errors`) maps HTTP statuses to it in one place.
 *
 * - `auth`: the host rejected the token (401).
 * - `permission`: the token lacks a privilege (403, or a task that died on a permission check).
 * - `not-found`: the guest, snapshot, storage or task does not exist.
 * - `conflict`: the config changed under us (digest mismatch) or the object already exists.
 * - `locked`: the guest or its config is locked by another task; transient, try again later.
 * - `node-unreachable`: pveproxy could not reach the cluster node the call was proxied to (595/596).
 * - `server`: any other 5xx.
 * - `bad-request`: the host refused the parameters (400).
 * - `network`: the connection failed or was reset before a response arrived.
 * - `tls`: the TLS handshake failed or the certificate did not match the pinned fingerprint.
 * - `timeout`: a request or a wait ran out of time.
 * - `aborted`: the caller's `AbortSignal` fired.
 * - `shape`: the host answered, but not in the shape this SDK expects.
 * - `too-large`: the response body exceeded the client's `maxResponseBytes`.
 * - `task-failed`: a task ran and ended with an error exit status.
 * - `invalid-argument`: an input was rejected before any request was sent.
 */
export type ProxmoxErrorReason =
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'conflict'
  | 'locked'
  | 'node-unreachable'
  | 'server'
  | 'bad-request'
  | 'network'
  | 'tls'
  | 'timeout'
  | 'aborted'
  | 'shape'
  | 'too-large'
  | 'task-failed'
  | 'invalid-argument';

/**
 * A brand shared by every copy of this package loaded into one process (two versions in a
 * dependency tree, or a bundled and an unbundled copy), so {@link isProxmoxError} works where
 * `instanceof` does not.
 */
const brand: unique symbol = Symbol.for('@felhom/proxmox/ProxmoxError');

/** Options common to every {@link ProxmoxError}. */
export interface ProxmoxErrorOptions {
  /** The underlying error, kept as the native `cause`. */
  readonly cause?: unknown;
}

/**
 * The base of every error this package throws. Subclasses add structured fields; none of them
 * ever holds the API token secret.
 */
export abstract class ProxmoxError extends Error {
  /** The class name; every subclass overrides it with a literal (bundlers may rename classes). */
  override name = 'ProxmoxError';

  /** Why the call failed; see {@link ProxmoxErrorReason}. */
  abstract readonly reason: ProxmoxErrorReason;

  /** @internal Brand read by {@link isProxmoxError}. */
  readonly [brand] = true;

  constructor(message: string, options: ProxmoxErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
  }
}

/**
 * True when `value` is an error thrown by any loaded copy of `@felhom/proxmox`.
 *
 * @example
 * ```ts
 * try { await client.start('pve', 100); }
 * catch (error) { if (isProxmoxError(error) && error.reason === 'locked') retryLater(); }
 * ```
 */
export function isProxmoxError(value: unknown): value is ProxmoxError {
  return (
    value instanceof ProxmoxError ||
    (typeof value === 'object' && value !== null && (value as { [brand]?: unknown })[brand] === true)
  );
}
