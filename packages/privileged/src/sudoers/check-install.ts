import type { Binaries } from '../binaries.js';
import { UnsafeInstallError } from '../errors/unsafe-install-error.js';
import { type PathProblem, pathProblems } from '../paths/trusted-path.js';
import { helperModules } from './helper-modules.js';

/**
 * Refuses an install the drop-in must not pin: the Node.js binary, the fstab helper, every module
 * the helper loads and the package.json Node reads for it must exist and, with every directory
 * above them, be changeable by root only. pct and smartctl may be absent (the drop-in then allows
 * a command that cannot run), but whatever exists of their paths must be root's alone too.
 * Throws {@link UnsafeInstallError} listing every problem at once.
 */
export function checkInstall(binaries: Binaries): void {
  const modules = helperModules(binaries.fstabHelper);
  const problems: PathProblem[] = [
    ...pathProblems(binaries.node),
    ...modules.files.flatMap((file) => pathProblems(file)),
    ...modules.problems,
    ...pathProblems(binaries.pct, { mustExist: false }),
    ...pathProblems(binaries.smartctl, { mustExist: false }),
  ];
  const unique = problems.filter(
    (problem, index) =>
      problems.findIndex((other) => other.path === problem.path && other.problem === problem.problem) ===
      index,
  );
  if (unique.length > 0) throw new UnsafeInstallError(unique);
}
