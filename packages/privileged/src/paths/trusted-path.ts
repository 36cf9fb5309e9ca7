import { lstatSync, readlinkSync, type Stats } from 'node:fs';
import { posix } from 'node:path';

/** Something about a path that lets an untrusted user change what it is or what it holds. */
export interface PathProblem {
  /** The path component at fault (a file, a directory, or a symlink on the way). */
  readonly path: string;
  /** What is wrong, in words, e.g. `owned by uid 1000, not root`. */
  readonly problem: string;
}

/** Options of {@link pathProblems}. */
export interface PathCheckOptions {
  /** Owners who may control the path. @default [0] (root only) */
  readonly trustedUids?: readonly number[];
  /** Whether a missing path is a problem; when false, the existing ancestors are still checked. @default true */
  readonly mustExist?: boolean;
}

const maxSymlinks = 40;

function ownerProblem(path: string, info: Stats, trusted: readonly number[]): PathProblem[] {
  return trusted.includes(info.uid) ? [] : [{ path, problem: `owned by uid ${info.uid}, not root` }];
}

function writeProblem(path: string, info: Stats, allowSticky: boolean): PathProblem[] {
  if ((info.mode & 0o022) === 0) return [];
  // A sticky directory (such as /tmp) lets others add entries but not rename or remove ours; the
  // next component is then checked for a trusted owner instead.
  if (allowSticky && info.isDirectory() && (info.mode & 0o1000) !== 0) return [];
  const who = (info.mode & 0o002) !== 0 ? 'everyone' : `its group (gid ${info.gid})`;
  return [
    { path, problem: `writable by ${who} (mode ${(info.mode & 0o7777).toString(8).padStart(4, '0')})` },
  ];
}

/**
 * Walks `path` from `/` one component at a time, following symlinks the way the kernel does,
 * and lists every place where someone other than the trusted owners could change what the path
 * resolves to or what it contains: a component owned by someone else, a directory or file others
 * may write (a sticky directory is allowed when the entry inside it has a trusted owner), or a
 * symlink in such a place. An empty list means only the trusted owners control the path.
 */
export function pathProblems(path: string, options: PathCheckOptions = {}): PathProblem[] {
  const trusted = options.trustedUids ?? [0];
  const mustExist = options.mustExist ?? true;
  const problems: PathProblem[] = [];
  let current = '/';
  let currentInfo = lstatSync('/');
  problems.push(...ownerProblem('/', currentInfo, trusted), ...writeProblem('/', currentInfo, true));
  const pending = path.split('/').filter((part) => part !== '');
  let symlinks = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (name === '.') continue;
    if (name === '..') {
      current = posix.dirname(current);
      currentInfo = lstatSync(current);
      continue;
    }
    const next = posix.join(current, name);
    let info: Stats;
    try {
      info = lstatSync(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (mustExist) problems.push({ path: next, problem: 'does not exist' });
      return problems;
    }
    const inSticky = (currentInfo.mode & 0o1000) !== 0 && (currentInfo.mode & 0o022) !== 0;
    if (!trusted.includes(info.uid) && (inSticky || !info.isSymbolicLink())) {
      const where = inSticky
        ? ` inside the shared sticky directory ${current}, so its owner may replace it`
        : ', not root';
      problems.push({ path: next, problem: `owned by uid ${info.uid}${where}` });
    }
    if (info.isSymbolicLink()) {
      symlinks += 1;
      if (symlinks > maxSymlinks)
        return [...problems, { path: next, problem: 'too many levels of symlinks' }];
      const target = readlinkSync(next);
      pending.unshift(...target.split('/').filter((part) => part !== ''));
      if (target.startsWith('/')) {
        current = '/';
        currentInfo = lstatSync('/');
      }
      continue;
    }
    problems.push(...writeProblem(next, info, pending.length > 0));
    current = next;
    currentInfo = info;
  }
  return problems;
}

/** The problems as one indented list, one per line. */
export function formatPathProblems(problems: readonly PathProblem[]): string {
  return problems.map((problem) => `  - ${problem.path}: ${problem.problem}`).join('\n');
}
