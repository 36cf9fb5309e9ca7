import { InvalidInputError } from '../errors/invalid-input-error.js';
import { matchesGrammar } from '../grammar/grammar.js';
import { oneOf, plainObject, stringMatching } from '../validate/primitives.js';
import {
  checkMountPoint,
  checkUUID,
  forcedMountOptions,
  mountOptionsGrammar,
  optionalMountOptionGroups,
} from './helper-arguments.js';
import { type FileSystemType, fileSystemTypes, mountOptionNames, type USBMountSpec } from './mount-spec.js';

/** A mount base: absolute, plain segments, no `..`, no trailing slash. */
export const mountBasePattern = /^(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/;

/** A checked mount request. */
export interface ValidUSBMount {
  readonly uuid: string;
  readonly fsType: FileSystemType;
  readonly mountPoint: string;
  /** The fstab options (`nofail,nosuid,nodev,noexec…`); `mount` gets them without `nofail`. */
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
  return checkUUID(parameter, value, fsType, true);
}

/** Validates that `value` is a direct child of `base` with a plain name. */
export function validateMountPoint(parameter: string, value: unknown, base: string): string {
  return checkMountPoint(parameter, value, base);
}

/**
 * The canonical fstab options string for the requested options: `nofail`, the forced
 * `nosuid,nodev,noexec`, then at most one option of each group in a fixed order.
 */
export function mountOptionsString(parameter: string, value: unknown): string {
  const requested = value === undefined ? [] : value;
  if (!Array.isArray(requested))
    throw new InvalidInputError(parameter, value, `an array of ${mountOptionNames.join(', ')}`);
  for (const [index, option] of (requested as unknown[]).entries()) {
    oneOf(`${parameter}[${index}]`, option, mountOptionNames);
  }
  const chosen = optionalMountOptionGroups.flatMap((group) => {
    const named = group.filter((option) => requested.includes(option));
    if (named.length > 1) throw new InvalidInputError(parameter, value, `not both ${named.join(' and ')}`);
    return named;
  });
  const options = ['nofail', ...forcedMountOptions, ...chosen].join(',');
  if (!matchesGrammar(mountOptionsGrammar, options)) throw new Error(`non-canonical options ${options}`);
  return options;
}

/** The options `mount -o` gets: the fstab options without `nofail`, which only matters at boot. */
export function mountCommandOptions(fstabOptions: string): string {
  return fstabOptions.replace(/^nofail,/, '');
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
