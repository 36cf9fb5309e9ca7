import { isPrivilegedError, sudoersAllowlist } from '@felhom/privileged';
import { defineCliCommand } from '../command.js';
import { ExitCode, UsageError } from '../exit-codes.js';

const DEFAULT_USER = 'felhom';
const DEFAULT_MOUNT_BASE = '/srv/felhom/usb';

/**
 * `felhom-agent sudoers [--user NAME] [--mount-base DIR]`: the drop-in goes to stdout alone (so
 * it can be redirected into a file), the installation steps to stderr.
 */
export const sudoersCommand = defineCliCommand(
  {
    meta: {
      name: 'sudoers',
      description: 'Print the sudoers drop-in for the privileged operations, and how to install it',
    },
    args: {
      user: {
        type: 'string',
        description: `Service user the drop-in is for (default ${DEFAULT_USER})`,
        valueHint: 'NAME',
      },
      'mount-base': {
        type: 'string',
        description: `Directory USB disks are mounted under (default ${DEFAULT_MOUNT_BASE})`,
        valueHint: 'DIR',
      },
    },
  },
  async (args, { io }) => {
    const user = args.user ?? DEFAULT_USER;
    const mountBase = args['mount-base'] ?? DEFAULT_MOUNT_BASE;
    let dropIn: string;
    try {
      dropIn = sudoersAllowlist({ user, mountBase });
    } catch (error) {
      // A bad --user/--mount-base is a usage error; an install sudo must not pin (UnsafeInstallError)
      // goes out as the library wrote it, naming each path and the fix (exit 1: the host is not ready).
      if (isPrivilegedError(error) && error.reason === 'invalid-input') throw new UsageError(error.message);
      throw error;
    }
    io.stdout.write(dropIn.endsWith('\n') ? dropIn : `${dropIn}\n`);
    io.stderr.write(
      [
        'To install (as root; a broken drop-in breaks sudo for every user, so check it first):',
        `  felhom-agent sudoers --user ${user} --mount-base ${mountBase} > /tmp/felhom-agent.sudoers`,
        '  visudo -cf /tmp/felhom-agent.sudoers        # must say "parsed OK"',
        '  install -o root -g root -m 0440 /tmp/felhom-agent.sudoers /etc/sudoers.d/felhom-agent',
        `  sudo -l -U ${user}                            # lists exactly the allowed commands`,
        '',
      ].join('\n'),
    );
    return ExitCode.ok;
  },
);
