import { MountPointError } from '../errors/mount-point-error.js';
import { entryAt, removeEntry } from './fstab-entries.js';
import { fstabWriteError, readFstab, writeFstab } from './fstab-file.js';
import { withFstabLock } from './fstab-lock.js';
import { devicesWithUUID } from './host/blkid.js';
import { describeBlockDevice } from './host/block-device.js';
import { defaultHostPaths } from './host/host-paths.js';
import { mounts } from './host/mountable-device.js';
import { type MountEntry, mountAt } from './host/mountinfo.js';
import { type LocalMountContext, signalOption } from './local-mount.js';
import { checkMountBase, removeMountPointIfEmpty } from './mount-point.js';
import type { USBUnmountResult } from './mount-spec.js';
import { readMounts } from './mount-table.js';

/**
 * The root side of `unmountUSB`, holding the fstab lock: `umount` when the mount table shows our
 * file system there, remove our fstab entry, remove the empty directory. What is mounted there
 * must be the device of the fstab entry (or that device must be gone, as when a disk was pulled
 * out while mounted); anything else was not mounted by felhom and is left alone.
 */
export async function unmountLocally(
  mountPoint: string,
  context: LocalMountContext,
): Promise<USBUnmountResult> {
  await checkMountBase(context.mountBase);
  return withFstabLock(
    context.fstabPath,
    async () => {
      const paths = context.paths ?? defaultHostPaths;
      const text = await readFstab(context.fstabPath);
      const uuid = entryAt(text, mountPoint);
      const present = mountAt(await readMounts(paths.mountinfo), mountPoint);
      if (present) {
        await checkOurs(present, mountPoint, uuid, context, paths.sys);
        await context.runner.run({ file: context.umountBinary, args: [mountPoint] }, signalOption(context));
      }
      const edit = removeEntry(text, mountPoint);
      if (edit.change === 'removed') {
        await writeFstab(context.fstabPath, edit.text, context.fs).catch((error: unknown) => {
          throw fstabWriteError(
            context.fstabPath,
            error,
            present ? 'the file system stays unmounted' : 'nothing was mounted',
          );
        });
      }
      return {
        mountPoint,
        unmounted: present !== undefined,
        fstab: edit.change,
        removedMountPoint: await removeMountPointIfEmpty(mountPoint),
      };
    },
    { ...(context.lockWaitMs !== undefined ? { waitMs: context.lockWaitMs } : {}), ...signalOption(context) },
  );
}

async function checkOurs(
  present: MountEntry,
  mountPoint: string,
  uuid: string | undefined,
  context: LocalMountContext,
  sys: string,
): Promise<void> {
  const what = `${present.source} (${present.fsType})`;
  if (uuid === undefined)
    throw new MountPointError(
      mountPoint,
      `${what} is mounted there without a felhom fstab entry; not unmounting it`,
    );
  const devices = await devicesWithUUID(context.runner, uuid, context.signal);
  const described = devices.flatMap((device) => describeBlockDevice(device, sys) ?? []);
  if (described.length > 0 && !described.some((device) => mounts(present, device))) {
    throw new MountPointError(
      mountPoint,
      `${what} is mounted there, not UUID=${uuid} from its fstab entry; not unmounting it`,
    );
  }
}
