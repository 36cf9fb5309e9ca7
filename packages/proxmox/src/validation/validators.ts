import { InvalidArgumentError } from '../errors/index.js';

// Validators for identifiers the SDK puts into URLs and form bodies. Each throws
// InvalidArgumentError(parameter, value, expected) before any request is sent. The patterns are
// PVE's own (pve-common PVE::JSONSchema), so a value that passes here also passes on the host.

/** pve-vmid: `^[1-9][0-9]{2,8}$` (100–999 999 999). */
const vmidPattern = /^[1-9][0-9]{2,8}$/;
/** pve-node: a host name label. */
const nodePattern = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
/** pve-configid (`$CONFIGID_RE = qr/[a-z][a-z0-9_-]+/i`) with pve-snapshot-name's maxLength 40. */
const snapshotPattern = /^[a-zA-Z][a-zA-Z0-9_-]{1,39}$/;
/** pve-storage-id (`parse_id`: `^[a-z][a-z0-9\-\_\.]*[a-z0-9]$` case-insensitive). */
const storagePattern = /^[a-zA-Z][a-zA-Z0-9_.-]*[a-zA-Z0-9]$/;
/** The part of a volume id after `storage:`; no whitespace, quotes or shell metacharacters. */
const volumeNamePattern = /^[A-Za-z0-9_.+@=-][A-Za-z0-9_.+@=:/-]*$/;

/** Node names are DNS labels: at most 63 characters. */
const MAX_NODE_NAME = 63;
/** Storage ids have no length limit in PVE; this bound only stops absurd input. */
const MAX_STORAGE_ID = 100;
/** Volume ids: generous for PBS paths, bounded against absurd input. */
const MAX_VOLUME_ID = 1024;

/**
 * Checks a vmid (a number or a numeric string, 100–999999999) and returns it as a number.
 * @throws InvalidArgumentError naming `parameter` (default `vmid`)
 */
export function assertVmid(value: unknown, parameter = 'vmid'): number {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !vmidPattern.test(text)) {
    throw new InvalidArgumentError(parameter, value, 'an integer from 100 to 999999999 (pve-vmid)');
  }
  return Number(text);
}

/**
 * Checks a cluster node name (letters, digits, inner hyphens; at most 63 characters).
 * @throws InvalidArgumentError naming `parameter` (default `node`)
 */
export function assertNodeName(value: unknown, parameter = 'node'): string {
  if (typeof value !== 'string' || value.length > MAX_NODE_NAME || !nodePattern.test(value)) {
    throw new InvalidArgumentError(
      parameter,
      value,
      'a node name: letters, digits and inner "-", at most 63 characters',
    );
  }
  return value;
}

/**
 * Checks a snapshot name (PVE's pve-configid: a letter, then letters, digits, `_`, `-`; 2–40
 * characters). `current` is refused: PVE lists the present state under that name.
 * @throws InvalidArgumentError naming `parameter` (default `snapname`)
 */
export function assertSnapshotName(value: unknown, parameter = 'snapname'): string {
  if (typeof value !== 'string' || !snapshotPattern.test(value)) {
    throw new InvalidArgumentError(
      parameter,
      value,
      'a snapshot name: a letter, then letters, digits, "_" or "-", 2 to 40 characters',
    );
  }
  // Names are case-sensitive in PVE; only the exact pseudo-entry name collides.
  if (value === 'current') {
    throw new InvalidArgumentError(parameter, value, 'a name other than "current" (the present state)');
  }
  return value;
}

/**
 * Checks a storage id (PVE's pve-storage-id: a letter, then letters, digits, `-`, `_`, `.`,
 * ending in a letter or digit).
 * @throws InvalidArgumentError naming `parameter` (default `storage`)
 */
export function assertStorageId(value: unknown, parameter = 'storage'): string {
  if (typeof value !== 'string' || value.length > MAX_STORAGE_ID || !storagePattern.test(value)) {
    throw new InvalidArgumentError(
      parameter,
      value,
      'a storage id: a letter, then letters, digits, "-", "_" or ".", ending in a letter or digit',
    );
  }
  return value;
}

/**
 * Checks a volume id `STORAGE:NAME` (`local:backup/vzdump-lxc-100-….tar.zst`,
 * `local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst`, `local-lvm:vm-100-disk-0`,
 * `pbs:backup/ct/100/2025-01-01T00:00:00Z`): a valid storage id, then a name without
 * whitespace, quotes, shell metacharacters or `..` path segments.
 * @throws InvalidArgumentError naming `parameter` (default `volume`)
 */
export function assertVolumeId(value: unknown, parameter = 'volume'): string {
  const expected = 'a volume id STORAGE:NAME (letters, digits, "_.+@=:/-", no ".." segments)';
  if (typeof value !== 'string' || value.length > MAX_VOLUME_ID) {
    throw new InvalidArgumentError(parameter, value, expected);
  }
  const colon = value.indexOf(':');
  const storage = value.slice(0, colon);
  const name = value.slice(colon + 1);
  if (
    colon < 0 ||
    !storagePattern.test(storage) ||
    !volumeNamePattern.test(name) ||
    name.split('/').some((segment) => segment === '..' || segment === '.')
  ) {
    throw new InvalidArgumentError(parameter, value, expected);
  }
  return value;
}
