import { FstabError } from '../errors/fstab-error.js';
import { MountDeviceError } from '../errors/mount-device-error.js';
import { MountPointError } from '../errors/mount-point-error.js';
import type { Runner } from '../runner/types.js';
import type { AtomicWriteFs } from './atomic-write.js';
import { addEntry, FstabConflict } from './fstab-entries.js';
import { fstabWriteError, readFstab, writeFstab } from './fstab-file.js';
import { withFstabLock } from './fstab-lock.js';
import type { BlockDevice } from './host/block-device.js';
import { defaultHostPaths, type HostPaths } from './host/host-paths.js';
import { mountableDevice, mounts } from './host/mountable-device.js';
import { mountAt } from './host/mountinfo.js';
import { checkMountBase, prepareMountPoint, removeMountPointIfEmpty } from './mount-point.js';
import type { USBMountResult } from './mount-spec.js';
import { hasForcedOptions, readMounts } from './mount-table.js';
import { mountCommandOptions, type ValidUSBMount } from './validate-mount.js';

/** Where and with what the mount step runs as root (in the agent in direct mode, in the helper in sudo mode). */
export interface LocalMountContext {
  readonly runner: Runner;
  readonly mountBase: string;
  readonly fstabPath: string;
  readonly mountBinary: string;
  readonly umountBinary: string;
  /** Where the host's state is read. @default the real paths */
  readonly paths?: HostPaths;
  /** How long to wait for another fstab edit. @default 60 s */
  readonly lockWaitMs?: number;
  readonly fs?: AtomicWriteFs;
  readonly signal?: AbortSignal;
}

/** Runner options carrying the caller's signal. */
export const signalOption = (context: LocalMountContext) =>
  context.signal ? { signal: context.signal } : {};

/**
 * The root side of `mountUSBByUUID`, holding the fstab lock throughout: check the base, compute
 * the fstab edit (a conflict refuses everything before anything changes), resolve the UUID to
 * the one present device and check it against the device rule and what is in use, mount that
 * device with the forced options unless it is already mounted there, confirm the mount in the
 * mount table, then write the fstab entry; a failed write undoes the mount this call made.
 */
export async function mountLocally(spec: ValidUSBMount, context: LocalMountContext): Promise<USBMountResult> {
  await checkMountBase(context.mountBase);
  return withFstabLock(context.fstabPath, () => mountHoldingLock(spec, context), {
    ...(context.lockWaitMs !== undefined ? { waitMs: context.lockWaitMs } : {}),
    ...signalOption(context),
  });
}

async function mountHoldingLock(spec: ValidUSBMount, context: LocalMountContext): Promise<USBMountResult> {
  const paths = context.paths ?? defaultHostPaths;
  let edit: ReturnType<typeof addEntry>;
  try {
    edit = addEntry(await readFstab(context.fstabPath), { ...spec });
  } catch (error) {
    if (error instanceof FstabConflict) throw new FstabError(context.fstabPath, 'conflict', error.message);
    throw error;
  }
  const table = await readMounts(paths.mountinfo);
  const device = await mountableDevice(spec, {
    ...signalOption(context),
    runner: context.runner,
    paths,
    mountBase: context.mountBase,
    mounts: table,
  });
  const present = mountAt(table, spec.mountPoint);
  const state = await prepareMountPoint(spec.mountPoint, present !== undefined);
  if (present) {
    // Ours only when the mount table shows this very device there, mounted the safe way.
    if (!mounts(present, device))
      throw new MountPointError(
        spec.mountPoint,
        `another file system (${present.source}, ${present.fsType}) is already mounted there`,
      );
    if (!hasForcedOptions(present))
      throw new MountPointError(
        spec.mountPoint,
        'our file system is mounted there without nosuid,nodev,noexec; unmount it first',
      );
  } else {
    await mountAndConfirm(spec, device, state === 'created', context, paths);
  }
  if (edit.change !== 'unchanged') {
    try {
      await writeFstab(context.fstabPath, edit.text, context.fs);
    } catch (error) {
      throw fstabWriteError(
        context.fstabPath,
        error,
        present
          ? 'the existing mount was left as it was'
          : await undoMount(spec.mountPoint, state === 'created', context),
      );
    }
  }
  return {
    mountPoint: spec.mountPoint,
    options: spec.options,
    device: device.path,
    createdMountPoint: state === 'created',
    mounted: !present,
    fstab: edit.change,
  };
}

async function mountAndConfirm(
  spec: ValidUSBMount,
  device: BlockDevice,
  created: boolean,
  context: LocalMountContext,
  paths: HostPaths,
): Promise<void> {
  const args = ['-t', spec.fsType, '-o', mountCommandOptions(spec.options), device.path, spec.mountPoint];
  try {
    await context.runner.run({ file: context.mountBinary, args }, signalOption(context));
  } catch (error) {
    // Leave no trace of a failed attempt: the directory we just made goes, the fstab was not touched.
    if (created) await removeMountPointIfEmpty(spec.mountPoint);
    throw error;
  }
  const shown = mountAt(await readMounts(paths.mountinfo), spec.mountPoint);
  if (shown && mounts(shown, device) && hasForcedOptions(shown)) return;
  let undone = 'nothing was mounted';
  if (shown) undone = await undoMount(spec.mountPoint, created, context);
  else if (created) await removeMountPointIfEmpty(spec.mountPoint);
  const seen = shown ? `${shown.source} (${shown.options.join(',')})` : 'nothing';
  throw new MountDeviceError(
    spec.uuid,
    device.path,
    'not-mounted',
    `mount exited 0, but ${spec.mountPoint} holds ${seen} instead of ${device.path} with nosuid,nodev,noexec; ${undone}`,
  );
}

/** Unmounts what this call mounted (and removes the directory it made); says how that went. */
async function undoMount(mountPoint: string, created: boolean, context: LocalMountContext): Promise<string> {
  try {
    await context.runner.run({ file: context.umountBinary, args: [mountPoint] }, signalOption(context));
  } catch (error) {
    return `undoing the mount failed too (${(error as Error).message}): unmount ${mountPoint} by hand`;
  }
  if (created) await removeMountPointIfEmpty(mountPoint);
  return 'the mount was undone';
}
