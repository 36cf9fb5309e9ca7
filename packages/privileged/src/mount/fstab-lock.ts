import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { FstabError } from '../errors/fstab-error.js';
import { abortError } from '../runner/abort-error.js';

/** util-linux's flock(1): Node has no flock(2) of its own. */
export const flockBinary = '/usr/bin/flock';

/** How long an fstab edit waits for another one to finish before giving up. */
export const defaultLockWaitMs = 60_000;

/** The lock file that serialises every felhom edit of `fstabPath` (beside it, like the backup). */
export function lockPath(fstabPath: string): string {
  return `${fstabPath}.felhom-lock`;
}

const waitedTooLong = 75; // flock's exit code when --wait runs out (set with --conflict-exit-code)

/**
 * Runs `work` holding an exclusive flock(2) on the fstab's lock file, so that concurrent mount
 * and unmount steps (other agent processes, other helper runs through sudo) read, change and
 * write the fstab one at a time. flock(1) takes the lock on our own open file description, passed
 * as its fd 3, and exits; the lock stays with our descriptor until we close it, and the kernel
 * drops it if this process dies, so a killed run never leaves a stale lock behind.
 */
export async function withFstabLock<T>(
  fstabPath: string,
  work: () => Promise<T>,
  options: { readonly waitMs?: number; readonly signal?: AbortSignal } = {},
): Promise<T> {
  const path = lockPath(fstabPath);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw new FstabError(
      fstabPath,
      'locked',
      `cannot open the lock file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  try {
    await acquire(handle, fstabPath, options.waitMs ?? defaultLockWaitMs, options.signal);
    return await work();
  } finally {
    await handle.close();
  }
}

function acquire(handle: FileHandle, fstabPath: string, waitMs: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const seconds = (waitMs / 1000).toFixed(3);
    const args = ['--exclusive', '--wait', seconds, '--conflict-exit-code', String(waitedTooLong), '3'];
    const child = spawn(flockBinary, args, { stdio: ['ignore', 'ignore', 'pipe', handle.fd], env: {} });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(
        new FstabError(fstabPath, 'locked', `cannot run ${flockBinary}: ${error.message}`, { cause: error }),
      );
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(abortError(signal));
      else if (code === 0) resolve();
      else if (code === waitedTooLong)
        reject(
          new FstabError(
            fstabPath,
            'locked',
            `another fstab edit held ${lockPath(fstabPath)} for over ${waitMs} ms`,
          ),
        );
      else reject(new FstabError(fstabPath, 'locked', `flock failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
