import { PrivilegedError } from './privileged-error.js';

/**
 * The mount point is not safe to use: it escapes the configured base (through `..` or a
 * symlink), is not a directory, is a non-empty directory that is not ours, or already holds
 * another file system.
 */
export class MountPointError extends PrivilegedError {
  override name = 'MountPointError';
  override readonly reason = 'mount-point' as const;
  /** The mount point in question. */
  readonly mountPoint: string;
  /** What is wrong with it. */
  readonly problem: string;

  constructor(mountPoint: string, problem: string) {
    super(`unsafe mount point ${mountPoint}: ${problem}`);
    this.mountPoint = mountPoint;
    this.problem = problem;
  }
}
