import { PrivilegedError } from './privileged-error.js';

/** What kept the fstab from being changed; see {@link FstabError.problem}. */
export type FstabProblem = 'conflict' | 'locked' | 'write';

/**
 * The fstab was not changed: another entry conflicts with the requested one, another edit held
 * the lock for too long, or the atomic write failed (the original file is intact and no temporary
 * file is left behind; a mount made by the same call was undone).
 */
export class FstabError extends PrivilegedError {
  override name = 'FstabError';
  override readonly reason = 'fstab' as const;
  /** The fstab path. */
  readonly path: string;
  /**
   * `conflict` (an entry for the same mount point or UUID differs), `locked` (another edit held
   * the fstab lock until the wait ran out) or `write` (I/O failed).
   */
  readonly problem: FstabProblem;

  constructor(path: string, problem: FstabProblem, detail: string, options: { cause?: unknown } = {}) {
    super(`fstab ${path} not changed: ${detail}`, options);
    this.path = path;
    this.problem = problem;
  }
}
