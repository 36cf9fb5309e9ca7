/** The CLI's exit codes: a contract with the scripts and services that call it. */
export const ExitCode = {
  /** Everything ran and every check passed. */
  ok: 0,
  /** A check failed (the host is not ready). */
  checkFailed: 1,
  /** The command line or the configuration was wrong; nothing was checked. */
  usage: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT), after cleaning up. */
  interrupted: 130,
} as const;

/** A command-line mistake: printed on stderr with a usage hint, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
