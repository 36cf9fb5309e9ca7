import { lstat, mkdir, readdir, realpath, rmdir } from 'node:fs/promises';
import { MountPointError } from '../errors/mount-point-error.js';
import { formatPathProblems, pathProblems } from '../paths/trusted-path.js';

/**
 * Checks the base directory: it must be a real directory (not a symlink) that only its owner can
 * write, owned by root or by us, and so must every directory above it. Otherwise someone else
 * could swap the mount point (or a directory on the way to it) for a symlink between our check
 * and root's `mount`, and mount a file system over `/etc`.
 */
export async function checkMountBase(base: string): Promise<void> {
  const info = await lstat(base).catch(() => undefined);
  if (!info?.isDirectory())
    throw new MountPointError(
      base,
      'the mount base does not exist or is not a directory (symlinks are refused)',
    );
  if ((await realpath(base)) !== base)
    throw new MountPointError(base, 'the mount base path goes through a symlink');
  const euid = process.geteuid?.() ?? 0;
  if (info.uid !== 0 && info.uid !== euid)
    throw new MountPointError(base, `the mount base is owned by uid ${info.uid}, not root`);
  if ((info.mode & 0o022) !== 0)
    throw new MountPointError(base, 'the mount base is writable by group or others');
  const problems = pathProblems(base, { trustedUids: [0, euid] });
  if (problems.length > 0) {
    throw new MountPointError(
      base,
      `someone other than root can change a directory above the mount base:\n${formatPathProblems(problems)}`,
    );
  }
}

/** The state of a mount point directory before mounting. */
export type MountPointState = 'created' | 'empty' | 'mounted';

/**
 * Makes sure `mountPoint` (already validated to be `base/NAME`) is safe to mount on: creates it
 * when missing; accepts an empty real directory; reports `mounted` when the mount table shows a
 * file system there (the caller decides whether that mount is ours); refuses symlinks, files and
 * non-empty directories.
 */
export async function prepareMountPoint(mountPoint: string, mounted: boolean): Promise<MountPointState> {
  try {
    await mkdir(mountPoint, { mode: 0o755 });
    return 'created';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const info = await lstat(mountPoint);
  if (info.isSymbolicLink()) throw new MountPointError(mountPoint, 'it is a symlink');
  if (!info.isDirectory()) throw new MountPointError(mountPoint, 'it exists and is not a directory');
  if (mounted) return 'mounted';
  if ((await readdir(mountPoint)).length > 0)
    throw new MountPointError(mountPoint, 'it is a non-empty directory that is not ours');
  return 'empty';
}

/** Removes the mount point directory when it is empty and unmounted; true when removed. */
export async function removeMountPointIfEmpty(mountPoint: string): Promise<boolean> {
  const info = await lstat(mountPoint).catch(() => undefined);
  if (!info?.isDirectory()) return false;
  return rmdir(mountPoint).then(
    () => true,
    () => false,
  );
}
