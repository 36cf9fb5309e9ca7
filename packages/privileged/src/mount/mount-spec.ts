/** File systems `mountUSBByUUID` accepts. vfat/exfat use the short `XXXX-XXXX` volume serial as UUID. */
export const fileSystemTypes = ['ext4', 'xfs', 'btrfs', 'vfat', 'exfat'] as const;
/** A file system type from the allowlist. */
export type FileSystemType = (typeof fileSystemTypes)[number];

/** Mount options a caller may add; `nofail` is always present and always first. */
export const mountOptionNames = [
  'ro',
  'rw',
  'noatime',
  'relatime',
  'nosuid',
  'nodev',
  'noexec',
  'sync',
] as const;
/** One allowed mount option. */
export type MountOption = (typeof mountOptionNames)[number];

/** What `Privileged.mountUSBByUUID` mounts, and where. */
export interface USBMountSpec {
  /** The file system UUID as `blkid` prints it: RFC 4122 form for ext4/xfs/btrfs, `XXXX-XXXX` for vfat/exfat. */
  readonly uuid: string;
  /** The file system type. */
  readonly fsType: FileSystemType;
  /** Absolute mount point: a direct child of the configured `mountBase`, e.g. `/srv/felhom/usb/backup1`. */
  readonly mountPoint: string;
  /** Extra options, added after `nofail` in a fixed order. @default ['nosuid', 'nodev', 'noexec'] */
  readonly options?: readonly MountOption[];
}

/** What a mount call did; every field is `false`/`'unchanged'` on an idempotent second call. */
export interface USBMountResult {
  /** The mount point used. */
  readonly mountPoint: string;
  /** The options string written to fstab and passed to mount, e.g. `nofail,nosuid,nodev,noexec`. */
  readonly options: string;
  /** True when this call created the mount point directory. */
  readonly createdMountPoint: boolean;
  /** True when this call ran `mount` (false when the file system was already mounted there). */
  readonly mounted: boolean;
  /** What happened to the fstab entry. */
  readonly fstab: 'added' | 'updated' | 'unchanged';
}

/** What an unmount call did. */
export interface USBUnmountResult {
  /** The mount point used. */
  readonly mountPoint: string;
  /** True when this call ran `umount`. */
  readonly unmounted: boolean;
  /** What happened to the fstab entry. */
  readonly fstab: 'removed' | 'unchanged';
  /** True when the (now empty) mount point directory was removed. */
  readonly removedMountPoint: boolean;
}
