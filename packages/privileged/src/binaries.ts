import { fileURLToPath } from 'node:url';
import { InvalidInputError } from './errors/invalid-input-error.js';

/** Absolute paths of the programs `Privileged` runs; the sudoers drop-in pins the same paths. */
export interface Binaries {
  /** @default '/usr/sbin/pct' */
  readonly pct: string;
  /** @default '/usr/sbin/smartctl' */
  readonly smartctl: string;
  /** @default '/usr/bin/sensors' */
  readonly sensors: string;
  /** @default '/usr/bin/mount' */
  readonly mount: string;
  /** @default '/usr/bin/umount' */
  readonly umount: string;
  /** The Node.js binary that runs the fstab helper in sudo mode. @default process.execPath */
  readonly node: string;
  /**
   * The fstab helper script (the package's `dist/fstab-helper.js`). It runs as root: it must be
   * owned by root and not writable by the service user. @default the copy beside this module
   */
  readonly fstabHelper: string;
}

/**
 * A path sudoers can pin literally: absolute, plain segments, no `.` or `..` segments. Segments
 * may start with `@` or `.`, as installed packages (`node_modules/@felhom/…`) and Node managers
 * (`~/.nvm`, `~/.npm/_npx`) put them there.
 */
export const binaryPathPattern = /^(\/[A-Za-z0-9_@.][A-Za-z0-9._+@-]*)+$/;

/** The defaults, with `overrides` applied and every path validated. */
export function resolveBinaries(overrides: Partial<Binaries> = {}): Binaries {
  const binaries: Binaries = {
    pct: '/usr/sbin/pct',
    smartctl: '/usr/sbin/smartctl',
    sensors: '/usr/bin/sensors',
    mount: '/usr/bin/mount',
    umount: '/usr/bin/umount',
    node: process.execPath,
    fstabHelper: fileURLToPath(new URL('./fstab-helper.js', import.meta.url)),
    ...overrides,
  };
  for (const [name, path] of Object.entries(binaries)) {
    if (
      typeof path !== 'string' ||
      !binaryPathPattern.test(path) ||
      path.split('/').some((segment) => segment === '.' || segment === '..')
    ) {
      throw new InvalidInputError(
        `binaries.${name}`,
        path,
        'an absolute path of plain segments (no "." or ".." segments, no spaces)',
      );
    }
  }
  return binaries;
}
