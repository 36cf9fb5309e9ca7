import { parsePropertyString } from './config-file.js';

/**
 * VM drive keys and values (qemu-server `PVE::QemuServer::Drive`): `scsi0: local-lvm:vm-102-disk-1,
 * discard=on,size=32G`, in the order PVE walks them (`valid_drive_names`).
 */

const BUSES: readonly (readonly [string, number])[] = [
  ['ide', 4],
  ['scsi', 31],
  ['virtio', 16],
  ['sata', 6],
];

/** Every drive key in PVE's order: ide, scsi, virtio, sata, then `efidisk0`, `tpmstate0`. */
export const DRIVE_KEYS: readonly string[] = [
  ...BUSES.flatMap(([bus, count]) => Array.from({ length: count }, (_, i) => `${bus}${i}`)),
  'efidisk0',
  'tpmstate0',
];

const DRIVE_KEY_SET = new Set(DRIVE_KEYS);

/** `is_valid_drivename`. */
export function isDriveKey(key: string): boolean {
  return DRIVE_KEY_SET.has(key);
}

/** The drive's `file` (a volume id, `none`, `cdrom` or a path). */
export function driveFile(value: string): string {
  return parsePropertyString(value, 'file').get('file') ?? '';
}

/** `drive_is_cdrom`: `media=cdrom`. */
export function isCdrom(value: string): boolean {
  return parsePropertyString(value, 'file').get('media') === 'cdrom';
}

/** The volume id a drive uses on a storage, or `undefined` (CD-ROMs, `none`, host paths). */
export function driveVolume(value: string): string | undefined {
  if (isCdrom(value)) return undefined;
  const file = driveFile(value);
  return /^[a-z][a-z0-9\-_.]*[a-z0-9]:/i.test(file) ? file : undefined;
}

/** `add_unused_volume`: records a volume no drive uses any more as the lowest free `unusedN`. */
export function addUnused(config: Map<string, string>, volid: string): void {
  for (const value of config.values()) if (value === volid) return;
  for (let i = 0; i < 256; i++) {
    if (!config.has(`unused${i}`)) {
      config.set(`unused${i}`, volid);
      return;
    }
  }
}
