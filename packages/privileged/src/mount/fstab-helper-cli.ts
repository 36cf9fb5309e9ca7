import { isPrivilegedError } from '../errors/privileged-error.js';
import { ExecRunner } from '../runner/exec-runner.js';
import type { Runner } from '../runner/types.js';
import type { AtomicWriteFs } from './atomic-write.js';
import { parseHelperArguments } from './helper-arguments.js';
import { helperErrorLine } from './helper-errors.js';
import type { HostPaths } from './host/host-paths.js';
import { type LocalMountContext, mountLocally } from './local-mount.js';
import { unmountLocally } from './local-unmount.js';
import { validateMountBase } from './validate-mount.js';

/**
 * The fixed root-side command of the mount step in sudo mode, run as
 * `sudo -n -- /usr/bin/node HELPER mount BASE UUID MOUNTPOINT FSTYPE OPTIONS` or
 * `… HELPER unmount BASE MOUNTPOINT`. sudoers pins every argument with the patterns built from
 * the same definition the helper parses its argv with (helper-arguments.ts); the helper builds
 * the fstab line itself (the caller never supplies fstab text), always edits `/etc/fstab`,
 * always reads the device rule from `/etc/felhom/mount-devices`, and always mounts with
 * `nosuid,nodev,noexec`.
 */
export const helperUsage =
  'usage: felhom-fstab-helper mount BASE UUID MOUNTPOINT FSTYPE OPTIONS | unmount BASE MOUNTPOINT';

/** Test seams; production passes none of them, and argv cannot reach them. */
export interface HelperDependencies {
  readonly runner?: Runner;
  readonly fstabPath?: string;
  readonly paths?: HostPaths;
  readonly lockWaitMs?: number;
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
    const [action, rawBase] = argv;
    if (action !== 'mount' && action !== 'unmount') {
      err(helperUsage);
      return 2;
    }
    const request = parseHelperArguments(argv, validateMountBase('BASE', rawBase));
    if (!request) {
      err(helperUsage);
      return 2;
    }
    const context: LocalMountContext = {
      runner: dependencies.runner ?? new ExecRunner({ mode: 'direct' }),
      mountBase: request.mountBase,
      fstabPath: dependencies.fstabPath ?? '/etc/fstab',
      mountBinary: '/usr/bin/mount',
      umountBinary: '/usr/bin/umount',
      ...(dependencies.paths ? { paths: dependencies.paths } : {}),
      ...(dependencies.lockWaitMs !== undefined ? { lockWaitMs: dependencies.lockWaitMs } : {}),
      ...(dependencies.fs ? { fs: dependencies.fs } : {}),
    };
    const result =
      request.action === 'mount'
        ? await mountLocally(request, context)
        : await unmountLocally(request.mountPoint, context);
    out(JSON.stringify(result));
    return 0;
  } catch (error) {
    const line = helperErrorLine(error);
    if (line) out(line);
    err(`felhom-fstab-helper: ${(error as Error).message}`);
    return isPrivilegedError(error) && error.reason === 'invalid-input' ? 2 : 1;
  }
}
