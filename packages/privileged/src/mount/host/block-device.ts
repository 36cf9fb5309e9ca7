import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * How a disk is attached, as the kernel shows it in sysfs: `usb` when the device sits below a USB
 * host controller (what `lsblk -o TRAN` reports as usb, including UAS bridges), `loop` for loop
 * devices, then by driver name: `nvme`, `mmc` (SD cards), `virtio`, `scsi` (other sdX disks:
 * SATA, SAS, iSCSI), `other` (device-mapper, md, zram, …).
 */
export type DeviceKind = 'usb' | 'loop' | 'nvme' | 'mmc' | 'virtio' | 'scsi' | 'other';

/** Every device kind, in the order the docs list them. */
export const deviceKinds: readonly DeviceKind[] = ['usb', 'loop', 'nvme', 'mmc', 'virtio', 'scsi', 'other'];

/** One block device node of a disk (the disk itself or a partition). */
export interface BlockNode {
  /** Kernel name, e.g. `sdb1`. */
  readonly name: string;
  /** Device node, e.g. `/dev/sdb1`. */
  readonly path: string;
  /** `MAJOR:MINOR`. */
  readonly majorMinor: string;
  /** Kernel names of the devices built on it (device-mapper, md). */
  readonly holders: readonly string[];
}

/** A block device as the kernel sees it, with the disk it belongs to. */
export interface BlockDevice extends BlockNode {
  /** How its disk is attached. */
  readonly kind: DeviceKind;
  /** The whole disk and every partition on it, the device included. */
  readonly disk: readonly BlockNode[];
}

const readText = (path: string): string => readFileSync(path, 'utf8').trim();

function nodeAt(directory: string): BlockNode {
  const name = basename(directory);
  const holdersDirectory = join(directory, 'holders');
  return {
    name,
    path: `/dev/${name}`,
    majorMinor: readText(join(directory, 'dev')),
    holders: existsSync(holdersDirectory) ? readdirSync(holdersDirectory) : [],
  };
}

function kindOf(diskName: string, diskDirectory: string): DeviceKind {
  if (/^loop[0-9]+$/.test(diskName)) return 'loop';
  if (diskDirectory.split('/').some((segment) => /^usb[0-9]+$/.test(segment))) return 'usb';
  if (diskName.startsWith('nvme')) return 'nvme';
  if (diskName.startsWith('mmcblk')) return 'mmc';
  if (diskName.startsWith('vd')) return 'virtio';
  if (diskName.startsWith('sd')) return 'scsi';
  return 'other';
}

/**
 * Describes the block device whose node is `devicePath` (as blkid prints it, e.g. `/dev/sdb1`
 * or `/dev/mapper/x`) from sysfs under `sysRoot`: its numbers, holders, its disk's kind, and the
 * disk with all its partitions. Undefined when sysfs does not know it (the device went away).
 */
export function describeBlockDevice(devicePath: string, sysRoot = '/sys'): BlockDevice | undefined {
  let name: string;
  try {
    name = basename(realpathSync(devicePath));
  } catch {
    name = basename(devicePath);
  }
  const classEntry = join(sysRoot, 'class', 'block', name);
  if (!existsSync(join(classEntry, 'dev'))) return undefined;
  const directory = realpathSync(classEntry);
  const diskDirectory = existsSync(join(directory, 'partition')) ? dirname(directory) : directory;
  const partitions = readdirSync(diskDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(diskDirectory, entry.name, 'partition')))
    .map((entry) => nodeAt(join(diskDirectory, entry.name)));
  return {
    ...nodeAt(directory),
    kind: kindOf(basename(diskDirectory), diskDirectory),
    disk: [nodeAt(diskDirectory), ...partitions],
  };
}
