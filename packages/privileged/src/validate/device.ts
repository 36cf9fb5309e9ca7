import { checkGrammar, grammar } from '../grammar/grammar.js';

/**
 * The block devices `smart()` accepts: whole SCSI/SATA, virtio and NVMe namespace devices. No
 * partitions, no `..`, nothing sudoers could be tricked with; the drop-in pins the same grammar.
 */
export const deviceGrammar = grammar(
  '/dev/(sd[a-z]{1,3}|vd[a-z]{1,3}|nvme[0-9]{1,3}n[0-9]{1,3})',
  'a whole-disk device path /dev/sdX, /dev/vdX or /dev/nvmeNnM',
  32,
);

/** Validates a device path for `smartctl`. */
export function devicePath(parameter: string, value: unknown): string {
  return checkGrammar(parameter, value, deviceGrammar);
}
