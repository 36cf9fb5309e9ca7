import { stringMatching } from './primitives.js';

/**
 * The block devices `smart()` accepts: whole SCSI/SATA, virtio and NVMe namespace devices. No
 * partitions, no `..`, nothing sudoers could be tricked with (the same pattern is in the drop-in).
 */
export const devicePattern = /^\/dev\/(sd[a-z]{1,3}|vd[a-z]{1,3}|nvme[0-9]{1,3}n[0-9]{1,3})$/;

/** Validates a device path for `smartctl`. */
export function devicePath(parameter: string, value: unknown): string {
  return stringMatching(
    parameter,
    value,
    devicePattern,
    'a whole-disk device path /dev/sdX, /dev/vdX or /dev/nvmeNnM',
    32,
  );
}
