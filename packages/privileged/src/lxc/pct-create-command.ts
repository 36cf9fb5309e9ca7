import type { Command } from '../runner/types.js';
import { serializePropertyString } from './property-string.js';
import type { ValidGoldenLXCSpec } from './validate-spec.js';

/**
 * The `pct create` argv for a validated spec, in the fixed order the sudoers rule pins. SSH keys
 * are passed as the file `/dev/stdin` (pct reads `--ssh-public-keys` as a file name) with the keys
 * on stdin: no temporary file whose path the drop-in would have to trust.
 */
export function pctCreateCommand(
  pct: string,
  spec: ValidGoldenLXCSpec,
): { command: Command; stdin?: string } {
  const args = [
    'create',
    String(spec.vmid),
    spec.template,
    '--hostname',
    spec.hostname,
    '--rootfs',
    `${spec.storage}:${spec.rootfsSizeGiB}`,
    '--cores',
    String(spec.cores),
    '--memory',
    String(spec.memoryMiB),
    '--swap',
    String(spec.swapMiB),
    '--unprivileged',
    '1',
    '--features',
    serializePropertyString([
      ['keyctl', true],
      ['nesting', spec.nesting ? true : undefined],
    ]),
    '--net0',
    serializePropertyString([
      ['name', 'eth0'],
      ['bridge', spec.network.bridge],
      ['ip', spec.network.ip],
      ['gw', spec.network.gateway],
    ]),
  ];
  if (spec.sshPublicKeys.length > 0) args.push('--ssh-public-keys', '/dev/stdin');
  args.push('--start', spec.start ? '1' : '0');
  const command = { file: pct, args };
  return spec.sshPublicKeys.length > 0
    ? { command, stdin: `${spec.sshPublicKeys.join('\n')}\n` }
    : { command };
}
