import { InvalidInputError } from '../errors/invalid-input-error.js';
import { oneOf, plainObject, stringMatching } from '../validate/primitives.js';
import {
  type FileSystemType,
  fileSystemTypes,
  type MountOption,
  mountOptionNames,
  type USBMountSpec,
} from './mount-spec.js';

/** RFC 4122 textual form (8-4-4-4-12 hex), as blkid prints ext4/xfs/btrfs UUIDs. */
export const rfc4122Pattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** FAT/exFAT volume serial as blkid prints it. */
export const fatSerialPattern = /^[0-9a-fA-F]{4}-[0-9a-fA-F]{4}$/;
/** The last path segment of a mount point: starts with a letter or digit, so never `.` or `..`. */
export const mountNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A mount base: absolute, plain segments, no `..`, no trailing slash. */
export const mountBasePattern = /^(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/;

const defaultOptions: readonly MountOption[] = ['nosuid', 'nodev', 'noexec'];

/** A checked mount request. */
export interface ValidUSBMount {
  readonly uuid: string;
  readonly fsType: FileSystemType;
  readonly mountPoint: string;
  readonly options: string;
}

/** Validates the configured mount base directory path (not its existence). */
export function validateMountBase(parameter: string, value: unknown): string {
  const base = stringMatching(
    parameter,
    value,
    mountBasePattern,
    'an absolute directory path without "..", spaces or a trailing slash',
    200,
  );
  if (base.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new InvalidInputError(parameter, value, 'a path without "." or ".." segments');
  }
  return base;
}

/** Validates a UUID for its file system type and normalises it to the case blkid prints. */
export function validateUUID(parameter: string, value: unknown, fsType: FileSystemType): string {
  if (fsType === 'vfat' || fsType === 'exfat') {
    return stringMatching(
      parameter,
      value,
      fatSerialPattern,
      `a ${fsType} volume serial XXXX-XXXX`,
      9,
    ).toUpperCase();
  }
  return stringMatching(
    parameter,
    value,
    rfc4122Pattern,
    `an RFC 4122 UUID (8-4-4-4-12 hex) for ${fsType}`,
    36,
  ).toLowerCase();
}

/** Validates that `value` is a direct child of `base` with a plain name. */
export function validateMountPoint(parameter: string, value: unknown, base: string): string {
  const expected = `a directory directly under ${base}/ named with letters, digits, ".", "_" or "-"`;
  if (typeof value !== 'string' || !value.startsWith(`${base}/`))
    throw new InvalidInputError(parameter, value, expected);
  const name = value.slice(base.length + 1);
  if (!mountNamePattern.test(name)) throw new InvalidInputError(parameter, value, expected);
  return value;
}

/** Canonical options string: `nofail`, then the allowed options in a fixed order, deduplicated. */
export function mountOptionsString(parameter: string, value: unknown): string {
  const requested = value === undefined ? defaultOptions : value;
  if (!Array.isArray(requested))
    throw new InvalidInputError(parameter, value, `an array of ${mountOptionNames.join(', ')}`);
  for (const [index, option] of (requested as unknown[]).entries()) {
    oneOf(`${parameter}[${index}]`, option, mountOptionNames);
  }
  if (requested.includes('ro') && requested.includes('rw'))
    throw new InvalidInputError(parameter, value, 'not both ro and rw');
  return ['nofail', ...mountOptionNames.filter((option) => requested.includes(option))].join(',');
}

/** Parses an options string (the helper's argument) back into the same canonical form, or throws. */
export function parseOptionsString(parameter: string, value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('nofail'))
    throw new InvalidInputError(parameter, value, 'nofail[,OPTION…]');
  const rest = value === 'nofail' ? [] : value.slice('nofail,'.length).split(',');
  const canonical = mountOptionsString(parameter, rest);
  if (canonical !== value) throw new InvalidInputError(parameter, value, `the canonical form ${canonical}`);
  return value;
}

/** Validates a {@link USBMountSpec} against the mount base. */
export function validateUSBMount(input: USBMountSpec, base: string): ValidUSBMount {
  const spec = plainObject('spec', input);
  const fsType = oneOf('spec.fsType', spec.fsType, fileSystemTypes);
  return {
    fsType,
    uuid: validateUUID('spec.uuid', spec.uuid, fsType),
    mountPoint: validateMountPoint('spec.mountPoint', spec.mountPoint, base),
    options: mountOptionsString('spec.options', spec.options),
  };
}
