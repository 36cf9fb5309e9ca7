import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The file operations the atomic write uses; tests inject failures through it (a full disk, a
 * crash between write and rename). Defaults to `node:fs/promises`.
 */
export interface AtomicWriteFs {
  readonly open: typeof nodeFs.open;
  readonly rename: typeof nodeFs.rename;
  readonly unlink: typeof nodeFs.unlink;
  readonly copyFile: typeof nodeFs.copyFile;
  readonly stat: typeof nodeFs.stat;
  readonly realpath: typeof nodeFs.realpath;
}

/** The real file system. */
export const realFs: AtomicWriteFs = {
  open: nodeFs.open,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  copyFile: nodeFs.copyFile,
  stat: nodeFs.stat,
  realpath: nodeFs.realpath,
};

/** The backup of the previous version of `path`, kept beside it. */
export function backupPath(path: string): string {
  return `${path}.felhom-backup`;
}

const temporaryName = (path: string): string =>
  join(dirname(path), `.${basename(path)}.felhom-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);

/**
 * Replaces the file at `path` with `bytes` so that a crash at any moment leaves either the old or
 * the new file, never a mix: write a temporary file in the same directory with the original's
 * mode, owner and group, fsync it, copy the current file to {@link backupPath}, rename the
 * temporary file over the original, fsync the directory. When `path` is a symlink, the file it
 * points to is replaced and the symlink stays. On any failure the temporary files are removed and
 * the original is untouched.
 */
export async function atomicReplace(path: string, bytes: Buffer, fs: AtomicWriteFs = realFs): Promise<void> {
  const target = await fs.realpath(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return path;
    throw error;
  });
  const current = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const mode = current ? current.mode & 0o7777 : 0o644;
  const temporary = temporaryName(target);
  let created = false;
  try {
    const handle = await fs.open(temporary, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(bytes);
      if (current) await handle.chown(current.uid, current.gid);
      await handle.chmod(mode); // after chown, which clears set-id bits; the umask must not change the mode either
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (current) await writeBackup(target, fs);
    await fs.rename(temporary, target);
    created = false;
    await syncDirectory(fs, dirname(target));
  } finally {
    if (created) await fs.unlink(temporary).catch(() => {});
  }
}

// The backup is written beside the original and renamed into place, so a symlink planted at the
// backup's name is replaced rather than followed.
async function writeBackup(target: string, fs: AtomicWriteFs): Promise<void> {
  const temporary = temporaryName(backupPath(target));
  try {
    await fs.copyFile(target, temporary, constants.COPYFILE_EXCL);
    await fs.rename(temporary, backupPath(target));
  } catch (error) {
    await fs.unlink(temporary).catch(() => {});
    throw error;
  }
}

async function syncDirectory(fs: AtomicWriteFs, directory: string): Promise<void> {
  // Makes the rename itself durable; some file systems refuse fsync on a directory, which is fine.
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync().catch(() => {});
  } finally {
    await handle.close();
  }
}
