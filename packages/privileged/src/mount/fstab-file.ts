import { readFile } from 'node:fs/promises';
import { FstabError } from '../errors/fstab-error.js';
import { type AtomicWriteFs, atomicReplace, realFs } from './atomic-write.js';

/** Reads the fstab as latin1 (every byte kept); a missing file is empty. */
export async function readFstab(path: string): Promise<string> {
  try {
    return (await readFile(path)).toString('latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new FstabError(path, 'write', `cannot read it: ${(error as Error).message}`, { cause: error });
  }
}

/** Replaces the fstab atomically; the error, if any, is the raw one (the caller words it). */
export async function writeFstab(path: string, text: string, fs: AtomicWriteFs = realFs): Promise<void> {
  await atomicReplace(path, Buffer.from(text, 'latin1'), fs);
}

/** The `FstabError` for a failed write, saying what became of the mount made by the same call. */
export function fstabWriteError(path: string, error: unknown, mount: string): FstabError {
  return new FstabError(
    path,
    'write',
    `the atomic write failed (original intact): ${(error as Error).message}; ${mount}`,
    {
      cause: error,
    },
  );
}
