import { randomBytes } from 'node:crypto';
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
}

/** The real file system. */
export const realFs: AtomicWriteFs = {
  open: nodeFs.open,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  copyFile: nodeFs.copyFile,
  stat: nodeFs.stat,
};

/** The backup of the previous version of `path`, kept beside it. */
export function backupPath(path: string): string {
  return `${path}.felhom-backup`;
}

/**
 * Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the new
 * file, never a mix: write a temporary file in the same directory, fsync it, copy the current file
 * to {@link backupPath}, rename the temporary file over the original, fsync the directory. On any
 * failure the temporary file is removed and the original is untouched.
 */
export async function atomicReplace(path: string, bytes: Buffer, fs: AtomicWriteFs = realFs): Promise<void> {
  const directory = dirname(path);
  const temporary = join(
    directory,
    `.${basename(path)}.felhom-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = await fs.stat(path).then(
    (stats) => stats.mode & 0o7777,
    () => 0o644,
  );
  let created = false;
  try {
    const handle = await fs.open(temporary, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.chmod(mode); // the umask must not loosen or tighten the fstab's mode
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.copyFile(path, backupPath(path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // nothing to back up the first time
    });
    await fs.rename(temporary, path);
    created = false;
    await syncDirectory(fs, directory);
  } finally {
    if (created) await fs.unlink(temporary).catch(() => {});
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
