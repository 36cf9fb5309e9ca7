/** File systems `mountUSBByUUID` accepts. vfat/exfat use the short `XXXX-XXXX` volume serial as UUID. */
export const fileSystemTypes = ['ext4', 'xfs', 'btrfs', 'vfat', 'exfat'] as const;
/** A file system type from the allowlist. */
export type FileSystemType = (typeof fileSystemTypes)[number];

/**
 * Mount options a caller may name. `nosuid`, `nodev` and `noexec` are always applied whatever the
 * caller asks (root forces them: a file system from a removable disk never runs setuid programs,
 * device nodes or executables); naming them changes nothing.
 */
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
  /**
   * Options added after the forced `nosuid,nodev,noexec`, in a fixed order; at most one of `ro`/`rw`
   * and of `noatime`/`relatime`. @default []
   */
  readonly options?: readonly MountOption[];
}

/** What a mount call did; every field is `false`/`'unchanged'` on an idempotent second call. */
export interface USBMountResult {
  /** The mount point used. */
  readonly mountPoint: string;
  /**
   * The options of the fstab entry, e.g. `nofail,nosuid,nodev,noexec`. `mount` gets the same
   * without `nofail`, which only tells boot to carry on when the disk is absent.
   */
  readonly options: string;
  /** The block device the UUID resolved to and that the mount point now holds, e.g. `/dev/sdb1`. */
  readonly device: string;
  /** True when this call created the mount point directory. */
  readonly createdMountPoint: boolean;
  /**
   * True when this call mounted the file system, confirmed in `/proc/self/mountinfo`; false when
   * it was already mounted there.
   */
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
