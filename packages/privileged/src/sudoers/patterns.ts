// The regular expressions the drop-in pins arguments with. Each is at least as strict as the
// library's validators for the same value and never lets a value start with "-" (no option
// injection). sudo matches an argument regex against all arguments joined by single spaces.

/** Escapes a validated literal path for a POSIX ERE (only "." and "+" can occur in one). */
export function literal(path: string): string {
  return path.replace(/[.+]/g, '\\$&');
}

const storage = '[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]';
const ipv4 = '[0-9]{1,3}(\\.[0-9]{1,3}){3}';

/** `pct create …` exactly as `pctCreateCommand` builds it. */
export const pctCreateArgs = [
  '^create [1-9][0-9]{2,8}',
  `${storage}:vztmpl/[A-Za-z0-9][A-Za-z0-9._+-]*\\.tar\\.(gz|xz|zst)`,
  '--hostname [A-Za-z0-9][A-Za-z0-9.-]*',
  `--rootfs ${storage}:[1-9][0-9]*`,
  '--cores [1-9][0-9]*',
  '--memory [1-9][0-9]*',
  '--swap [0-9]+',
  '--unprivileged 1',
  '--features keyctl=1(,nesting=1)?',
  `--net0 name=eth0,bridge=[A-Za-z][A-Za-z0-9_]*,ip=(dhcp|${ipv4}/[0-9]{1,2}(,gw=${ipv4})?)( --ssh-public-keys /dev/stdin)?`,
  '--start [01]$',
].join(' ');

/** `smartctl -j -a DEVICE` for whole disks only. */
export const smartArgs = '^-j -a /dev/(sd[a-z]{1,3}|vd[a-z]{1,3}|nvme[0-9]{1,3}n[0-9]{1,3})$';

const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-F]{4}-[0-9A-F]{4})';
const options = 'nofail(,(ro|rw|noatime|relatime|nosuid|nodev|noexec|sync))*';

/** The fstab helper's `mount` arguments under `base`. */
export function helperMountArgs(helper: string, base: string): string {
  const child = `${literal(base)}/[A-Za-z0-9][A-Za-z0-9._-]{0,63}`;
  return `^${literal(helper)} mount ${literal(base)} ${uuid} ${child} (ext4|xfs|btrfs|vfat|exfat) ${options}$`;
}

/** The fstab helper's `unmount` arguments under `base`. */
export function helperUnmountArgs(helper: string, base: string): string {
  return `^${literal(helper)} unmount ${literal(base)} ${literal(base)}/[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`;
}
