/** One line of `/proc/self/mountinfo` (proc(5)). */
export interface MountEntry {
  /** `MAJOR:MINOR` of the mounted device (an anonymous `0:N` for btrfs). */
  readonly majorMinor: string;
  /** Where it is mounted, octal escapes decoded. */
  readonly mountPoint: string;
  /** The per-mount options, e.g. `rw`, `nosuid`, `nodev`, `noexec`, `relatime`. */
  readonly options: readonly string[];
  /** The file system type, e.g. `ext4`. */
  readonly fsType: string;
  /** The mount source, e.g. `/dev/sdb1`, octal escapes decoded. */
  readonly source: string;
}

const decodeOctal = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/**
 * Parses mountinfo text: `ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE
 * SUPEROPTIONS`. Lines that do not have that shape are skipped.
 */
export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator === -1 || fields.length < separator + 3) continue;
    entries.push({
      majorMinor: fields[2] as string,
      mountPoint: decodeOctal(fields[4] as string),
      options: (fields[5] as string).split(','),
      fsType: fields[separator + 1] as string,
      source: decodeOctal(fields[separator + 2] as string),
    });
  }
  return entries;
}

/** The file system visible at `mountPoint`: the last (topmost) mount there, if any. */
export function mountAt(entries: readonly MountEntry[], mountPoint: string): MountEntry | undefined {
  return entries.findLast((entry) => entry.mountPoint === mountPoint);
}
