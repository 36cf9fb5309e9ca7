import type { PathProblem } from '../paths/trusted-path.js';
import { formatPathProblems } from '../paths/trusted-path.js';
import { PrivilegedError } from './privileged-error.js';

/**
 * The sudoers drop-in was not generated: a file it would let the service user run as root (the
 * Node.js binary, the fstab helper, a module the helper loads, pct or smartctl), or a directory
 * above one of them, could be changed by someone other than root. Pinning it would hand root to
 * whoever can write there.
 */
export class UnsafeInstallError extends PrivilegedError {
  override name = 'UnsafeInstallError';
  override readonly reason = 'unsafe-install' as const;
  /** Every offending path and what is wrong with it. */
  readonly problems: readonly PathProblem[];

  constructor(problems: readonly PathProblem[]) {
    super(
      [
        'refusing to generate the sudoers drop-in: sudo would run these as root, and someone other than root can change them:',
        formatPathProblems(problems),
        'Fix: install Node.js and the package under a prefix only root can write (for example /opt/felhom, owned by',
        'root:root, directories 0755, files 0644; `chown -R root:root DIR && chmod -R go-w DIR`), then generate',
        'the drop-in again from that install.',
      ].join('\n'),
    );
    this.problems = problems;
  }
}
