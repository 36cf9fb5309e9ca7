import { PrivilegedError } from './privileged-error.js';

/**
 * The fstab was not changed: another entry conflicts with the requested one, or the atomic
 * write failed (the original file is intact and no temporary file is left behind).
 */
export class FstabError extends PrivilegedError {
  override name = 'FstabError';
  override readonly reason = 'fstab' as const;
  /** The fstab path. */
  readonly path: string;
  /** `conflict` (an entry for the same mount point or UUID differs) or `write` (I/O failed). */
  readonly problem: 'conflict' | 'write';

  constructor(
    path: string,
    problem: 'conflict' | 'write',
    detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(`fstab ${path} not changed: ${detail}`, options);
    this.path = path;
    this.problem = problem;
  }
}
