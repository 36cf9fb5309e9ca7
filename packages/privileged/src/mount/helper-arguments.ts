import { InvalidInputError } from '../errors/invalid-input-error.js';
import {
  checkGrammar,
  type Grammar,
  grammar,
  literalPattern,
  matchesGrammar,
  oneOfPattern,
} from '../grammar/grammar.js';
import { type FileSystemType, fileSystemTypes } from './mount-spec.js';

// The one definition of the fstab helper's arguments. The library builds the helper's argv from
// it, the helper parses its argv with it, and the sudoers drop-in pins the same argv with the
// patterns assembled from it: the three cannot disagree.

/** The UUID form blkid prints, by file system family (canonical case only). */
const uuidFamilies = [
  {
    types: ['ext4', 'xfs', 'btrfs'],
    uuid: grammar(
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      'an RFC 4122 UUID (8-4-4-4-12 hex)',
      36,
    ),
    canonical: (value: string) => value.toLowerCase(),
  },
  {
    types: ['vfat', 'exfat'],
    uuid: grammar('[0-9A-F]{4}-[0-9A-F]{4}', 'a volume serial XXXX-XXXX', 9),
    canonical: (value: string) => value.toUpperCase(),
  },
] as const satisfies readonly {
  types: readonly FileSystemType[];
  uuid: Grammar;
  canonical: (value: string) => string;
}[];

/** The last path segment of a mount point: starts with a letter or digit, so never `.` or `..`. */
export const mountNameGrammar = grammar(
  '[A-Za-z0-9][A-Za-z0-9._-]{0,63}',
  'a name of letters, digits, ".", "_" or "-" (not starting with "." or "-")',
  64,
);

/** Options always applied: root forces them, whatever the caller asks. */
export const forcedMountOptions = ['nosuid', 'nodev', 'noexec'] as const;

/** Options a caller may add, in canonical order; at most one of each group. */
export const optionalMountOptionGroups = [['ro', 'rw'], ['noatime', 'relatime'], ['sync']] as const;

/** The fstab options string: `nofail`, the forced options, then optional ones in canonical order. */
export const mountOptionsGrammar = grammar(
  [
    ['nofail', ...forcedMountOptions].join(','),
    ...optionalMountOptionGroups.map((group) => `(${group.map((option) => `,${option}`).join('|')})?`),
  ].join(''),
  `nofail,${forcedMountOptions.join(',')} followed by at most one of each of ${optionalMountOptionGroups.map((group) => group.join('/')).join(', ')}, in that order`,
  64,
);

function familyOf(fsType: FileSystemType) {
  const family = uuidFamilies.find((candidate) => (candidate.types as readonly string[]).includes(fsType));
  if (!family) throw new Error(`no UUID form for ${fsType}`);
  return family;
}

/** Validates a UUID for its file system type; `normalise` first turns it into blkid's case. */
export function checkUUID(
  parameter: string,
  value: unknown,
  fsType: FileSystemType,
  normalise: boolean,
): string {
  const family = familyOf(fsType);
  const candidate = normalise && typeof value === 'string' ? family.canonical(value) : value;
  if (!matchesGrammar(family.uuid, candidate)) {
    const expected = `${family.uuid.expected} for ${fsType}${normalise ? '' : ' in the case blkid prints'}`;
    throw new InvalidInputError(parameter, value, expected);
  }
  return candidate;
}

/** What the helper is asked to do. */
export type HelperRequest =
  | {
      readonly action: 'mount';
      readonly mountBase: string;
      readonly uuid: string;
      readonly mountPoint: string;
      readonly fsType: FileSystemType;
      readonly options: string;
    }
  | { readonly action: 'unmount'; readonly mountBase: string; readonly mountPoint: string };

/** The helper's argv (without node and the script) for a request built from validated values. */
export function helperArguments(request: HelperRequest): string[] {
  return request.action === 'mount'
    ? ['mount', request.mountBase, request.uuid, request.mountPoint, request.fsType, request.options]
    : ['unmount', request.mountBase, request.mountPoint];
}

/** A mount point under `base`, checked against the grammar of its last segment. */
export function checkMountPoint(parameter: string, value: unknown, base: string): string {
  const expected = `a directory directly under ${base}/ named with letters, digits, ".", "_" or "-"`;
  if (typeof value !== 'string' || !value.startsWith(`${base}/`))
    throw new InvalidInputError(parameter, value, expected);
  if (!matchesGrammar(mountNameGrammar, value.slice(base.length + 1)))
    throw new InvalidInputError(parameter, value, expected);
  return value;
}

/**
 * Parses the helper's argv into a request, accepting exactly what {@link helperMountPattern} and
 * {@link helperUnmountPattern} accept for that base (canonical forms only). `mountBase` has been
 * validated by the caller. Throws `InvalidInputError`; `undefined` means "not a known action".
 */
export function parseHelperArguments(argv: readonly string[], mountBase: string): HelperRequest | undefined {
  const [action, , ...rest] = argv;
  if (action === 'mount' && rest.length === 4) {
    const [uuid, mountPoint, fsType, options] = rest;
    if (typeof fsType !== 'string' || !(fileSystemTypes as readonly string[]).includes(fsType))
      throw new InvalidInputError('FSTYPE', fsType, `one of ${fileSystemTypes.join(', ')}`);
    const type = fsType as FileSystemType;
    return {
      action,
      mountBase,
      uuid: checkUUID('UUID', uuid, type, false),
      mountPoint: checkMountPoint('MOUNTPOINT', mountPoint, mountBase),
      fsType: type,
      options: checkGrammar('OPTIONS', options, mountOptionsGrammar),
    };
  }
  if (action === 'unmount' && rest.length === 1) {
    return { action, mountBase, mountPoint: checkMountPoint('MOUNTPOINT', rest[0], mountBase) };
  }
  return undefined;
}

/** The sudoers argument pattern of `node HELPER mount …` under `base`. */
export function helperMountPattern(helper: string, base: string): string {
  const child = `${literalPattern(base)}/${mountNameGrammar.pattern}`;
  const byFamily = uuidFamilies.map(
    (family) => `${family.uuid.pattern} ${child} ${oneOfPattern(family.types)}`,
  );
  return `^${literalPattern(helper)} mount ${literalPattern(base)} (${byFamily.join('|')}) ${mountOptionsGrammar.pattern}$`;
}

/** The sudoers argument pattern of `node HELPER unmount …` under `base`. */
export function helperUnmountPattern(helper: string, base: string): string {
  return `^${literalPattern(helper)} unmount ${literalPattern(base)} ${literalPattern(base)}/${mountNameGrammar.pattern}$`;
}
