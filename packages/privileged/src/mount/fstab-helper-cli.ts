import { InvalidInputError } from '../errors/invalid-input-error.js';
import { isPrivilegedError } from '../errors/privileged-error.js';
import { ExecRunner } from '../runner/exec-runner.js';
import type { Runner } from '../runner/types.js';
import { oneOf } from '../validate/primitives.js';
import type { AtomicWriteFs } from './atomic-write.js';
import { type LocalMountContext, mountLocally, unmountLocally } from './local-mount.js';
import { fileSystemTypes } from './mount-spec.js';
import { parseOptionsString, validateMountBase, validateMountPoint, validateUUID } from './validate-mount.js';

/**
 * The fixed root-side command of the mount step in sudo mode, run as
 * `sudo -n -- /usr/bin/node HELPER mount BASE UUID MOUNTPOINT FSTYPE OPTIONS` or
 * `… HELPER unmount BASE MOUNTPOINT`. sudoers pins every argument with a regex; the helper
 * validates them again with the same validators as the library, builds the fstab line itself
 * (the caller never supplies fstab text) and always edits `/etc/fstab`.
 */
export const helperUsage =
  'usage: felhom-fstab-helper mount BASE UUID MOUNTPOINT FSTYPE OPTIONS | unmount BASE MOUNTPOINT';

/** Test seams; production passes none of them. */
export interface HelperDependencies {
  readonly runner?: Runner;
  readonly fstabPath?: string;
  readonly fs?: AtomicWriteFs;
  readonly stdout?: (line: string) => void;
  readonly stderr?: (line: string) => void;
}

/** Runs the helper with `argv` (without node and script); resolves to the process exit code. */
export async function runFstabHelper(
  argv: readonly string[],
  dependencies: HelperDependencies = {},
): Promise<number> {
  const out = dependencies.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = dependencies.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    const [action, rawBase, ...rest] = argv;
    if (action !== 'mount' && action !== 'unmount') {
      err(helperUsage);
      return 2;
    }
    const mountBase = validateMountBase('BASE', rawBase);
    const context: LocalMountContext = {
      runner: dependencies.runner ?? new ExecRunner({ mode: 'direct' }),
      mountBase,
      fstabPath: dependencies.fstabPath ?? '/etc/fstab',
      mountBinary: '/usr/bin/mount',
      umountBinary: '/usr/bin/umount',
      ...(dependencies.fs ? { fs: dependencies.fs } : {}),
    };
    if (action === 'mount' && rest.length === 4) {
      const [uuid, mountPoint, fsType, options] = rest;
      const type = oneOf('FSTYPE', fsType, fileSystemTypes);
      const spec = {
        fsType: type,
        uuid: validateUUID('UUID', uuid, type),
        mountPoint: validateMountPoint('MOUNTPOINT', mountPoint, mountBase),
        options: parseOptionsString('OPTIONS', options),
      };
      if (spec.uuid !== uuid) throw new InvalidInputError('UUID', uuid, `the canonical case ${spec.uuid}`);
      out(JSON.stringify(await mountLocally(spec, context)));
      return 0;
    }
    if (action === 'unmount' && rest.length === 1) {
      const mountPoint = validateMountPoint('MOUNTPOINT', rest[0], mountBase);
      out(JSON.stringify(await unmountLocally(mountPoint, context)));
      return 0;
    }
    err(helperUsage);
    return 2;
  } catch (error) {
    err(`felhom-fstab-helper: ${(error as Error).message}`);
    return isPrivilegedError(error) && error.reason === 'invalid-input' ? 2 : 1;
  }
}
