import { readFile } from 'node:fs/promises';
import { FstabError } from '../errors/fstab-error.js';
import { MountPointError } from '../errors/mount-point-error.js';
import type { Runner } from '../runner/types.js';
import { type AtomicWriteFs, atomicReplace, realFs } from './atomic-write.js';
import { addEntry, entryAt, FstabConflict, removeEntry } from './fstab-entries.js';
import { checkMountBase, isMountPoint, prepareMountPoint, removeMountPointIfEmpty } from './mount-point.js';
import type { USBMountResult, USBUnmountResult } from './mount-spec.js';
import type { ValidUSBMount } from './validate-mount.js';

/** Where and with what the mount step runs as root (in the agent in direct mode, in the helper in sudo mode). */
export interface LocalMountContext {
  readonly runner: Runner;
  readonly mountBase: string;
  readonly fstabPath: string;
  readonly mountBinary: string;
  readonly umountBinary: string;
  readonly fs?: AtomicWriteFs;
  readonly signal?: AbortSignal;
}

async function readFstab(path: string): Promise<string> {
  try {
    return (await readFile(path)).toString('latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new FstabError(path, 'write', `cannot read it: ${(error as Error).message}`, { cause: error });
  }
}

async function writeFstab(context: LocalMountContext, text: string): Promise<void> {
  try {
    await atomicReplace(context.fstabPath, Buffer.from(text, 'latin1'), context.fs ?? realFs);
  } catch (error) {
    throw new FstabError(
      context.fstabPath,
      'write',
      `the atomic write failed (original intact): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The root side of `mountUSBByUUID`: check the base, prepare the mount point, `mount UUID=…`
 * unless our file system is already there, then add the fstab entry atomically. The fstab edit is
 * computed first so a conflicting entry refuses the whole step before anything is mounted.
 */
export async function mountLocally(spec: ValidUSBMount, context: LocalMountContext): Promise<USBMountResult> {
  await checkMountBase(context.mountBase);
  const before = await readFstab(context.fstabPath);
  const entry = { uuid: spec.uuid, mountPoint: spec.mountPoint, fsType: spec.fsType, options: spec.options };
  let edit: ReturnType<typeof addEntry>;
  try {
    edit = addEntry(before, entry);
  } catch (error) {
    if (error instanceof FstabConflict) throw new FstabError(context.fstabPath, 'conflict', error.message);
    throw error;
  }
  const state = await prepareMountPoint(spec.mountPoint);
  if (state === 'mounted' && entryAt(before, spec.mountPoint)?.toUpperCase() !== spec.uuid.toUpperCase()) {
    throw new MountPointError(spec.mountPoint, 'another file system is already mounted there');
  }
  if (state !== 'mounted') {
    try {
      await context.runner.run(
        {
          file: context.mountBinary,
          args: ['-t', spec.fsType, '-o', spec.options, `UUID=${spec.uuid}`, spec.mountPoint],
        },
        context.signal ? { signal: context.signal } : {},
      );
    } catch (error) {
      // Leave no trace of a failed attempt: the directory we just made goes, the fstab was not touched.
      if (state === 'created') await removeMountPointIfEmpty(spec.mountPoint);
      throw error;
    }
  }
  if (edit.change !== 'unchanged') await writeFstab(context, edit.text);
  return {
    mountPoint: spec.mountPoint,
    options: spec.options,
    createdMountPoint: state === 'created',
    mounted: state !== 'mounted',
    fstab: edit.change,
  };
}

/** The root side of `unmountUSB`: `umount` when mounted, remove our fstab entry, remove the empty directory. */
export async function unmountLocally(
  mountPoint: string,
  context: LocalMountContext,
): Promise<USBUnmountResult> {
  await checkMountBase(context.mountBase);
  const mounted = await isMountPoint(mountPoint).catch(() => false);
  if (mounted) {
    await context.runner.run(
      { file: context.umountBinary, args: [mountPoint] },
      context.signal ? { signal: context.signal } : {},
    );
  }
  const edit = removeEntry(await readFstab(context.fstabPath), mountPoint);
  if (edit.change === 'removed') await writeFstab(context, edit.text);
  return {
    mountPoint,
    unmounted: mounted,
    fstab: edit.change,
    removedMountPoint: await removeMountPointIfEmpty(mountPoint),
  };
}
