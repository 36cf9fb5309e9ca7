import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { MountDeviceError } from '../../errors/mount-device-error.js';
import type { Runner } from '../../runner/types.js';
import type { ValidUSBMount } from '../validate-mount.js';
import { devicesWithUUID, probeDevice } from './blkid.js';
import { type BlockDevice, type BlockNode, describeBlockDevice } from './block-device.js';
import { readDeviceRule } from './device-rule.js';
import type { HostPaths } from './host-paths.js';
import type { MountEntry } from './mountinfo.js';
import { mountUnitsFor, storageAt } from './pve-references.js';

/** What the device check needs to know about the request and the host. */
export interface DeviceCheckContext {
  readonly runner: Runner;
  readonly paths: HostPaths;
  readonly mountBase: string;
  /** The mount table, read once by the caller. */
  readonly mounts: readonly MountEntry[];
  readonly signal?: AbortSignal;
}

const memberNames: Record<string, string> = {
  LVM2_member: 'an LVM physical volume',
  zfs_member: 'a ZFS pool member',
  linux_raid_member: 'an md RAID member',
};

const resolved = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** True when `entry` mounts `node` (by device numbers, or by source path for btrfs's anonymous numbers). */
export function mounts(entry: MountEntry, node: BlockNode): boolean {
  return entry.majorMinor === node.majorMinor || resolved(entry.source) === node.path;
}

/**
 * Resolves the UUID to the one block device that carries it and checks, as root, that it may be
 * mounted at the mount point: it is present and unique, holds the requested file system type,
 * its kind is allowed by the operator's device rule, and nothing on its disk is in use (a mounted
 * file system outside the mount base, a device-mapper or md holder, swap, an LVM/ZFS/RAID member
 * signature, a systemd mount unit or PVE storage that uses it). Throws `MountDeviceError`.
 */
export async function mountableDevice(
  spec: ValidUSBMount,
  context: DeviceCheckContext,
): Promise<BlockDevice> {
  const { runner, signal, paths } = context;
  const refuse = (device: string | undefined, problem: MountDeviceError['problem'], detail: string) =>
    new MountDeviceError(spec.uuid, device, problem, detail);
  const found = await devicesWithUUID(runner, spec.uuid, signal);
  if (found.length === 0)
    throw refuse(undefined, 'absent', 'no block device has this UUID (is the disk plugged in?)');
  if (found.length > 1)
    throw refuse(undefined, 'ambiguous', `several devices have this UUID: ${found.join(', ')}`);
  const device = describeBlockDevice(found[0] as string, paths.sys);
  if (!device) throw refuse(found[0], 'absent', 'the device is gone from sysfs');

  const rule = readDeviceRule(paths.deviceRule, spec.uuid);
  if (!rule.allowed.has(device.kind)) {
    throw refuse(
      device.path,
      'not-allowed',
      `it is a ${device.kind} device, and ${rule.source} allows ${[...rule.allowed].join(', ') || 'none'}`,
    );
  }

  const own = await probeDevice(runner, device.path, signal);
  if (own.found === 'ambivalent')
    throw refuse(device.path, 'wrong-type', 'blkid finds contradicting signatures on it');
  const type = own.found === 'signature' ? own.tags.TYPE : undefined;
  if (type !== spec.fsType)
    throw refuse(device.path, 'wrong-type', `it holds ${type ?? 'no file system'}, not ${spec.fsType}`);

  const swaps = swapsOn(paths.swaps);
  for (const node of device.disk) {
    if (node.holders.length > 0)
      throw refuse(device.path, 'in-use', `${node.path} is used by ${node.holders.join(', ')}`);
    for (const entry of context.mounts.filter((candidate) => mounts(candidate, node))) {
      const ours =
        node.name === device.name
          ? entry.mountPoint === spec.mountPoint
          : entry.mountPoint.startsWith(`${context.mountBase}/`);
      if (!ours) {
        const storage = storageAt(paths.pveStorage, entry.mountPoint);
        throw refuse(
          device.path,
          'in-use',
          `${node.path} is mounted at ${entry.mountPoint}${storage ? `, ${storage}` : ''}`,
        );
      }
    }
    if (swaps.includes(node.path)) throw refuse(device.path, 'in-use', `${node.path} is active swap`);
    const probe = node.name === device.name ? own : await probeDevice(runner, node.path, signal);
    if (
      probe.found === 'signature' &&
      (probe.tags.USAGE === 'raid' || probe.tags.TYPE?.endsWith('_member'))
    ) {
      const what =
        memberNames[probe.tags.TYPE ?? ''] ?? `a storage member (${probe.tags.TYPE ?? probe.tags.USAGE})`;
      throw refuse(device.path, 'in-use', `${node.path} is ${what}`);
    }
  }
  const [unit] = mountUnitsFor(paths.systemdUnits, spec.uuid);
  if (unit) {
    const storage = storageAt(paths.pveStorage, unit.where);
    throw refuse(
      device.path,
      'in-use',
      `${unit.unit} mounts it at ${unit.where}${storage ? `, ${storage}` : ''}`,
    );
  }
  return device;
}

function swapsOn(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => resolved(line.split(/\s+/)[0] ?? ''))
    .filter(Boolean);
}
