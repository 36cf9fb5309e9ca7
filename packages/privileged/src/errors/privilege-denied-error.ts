import { formatCommand } from '../runner/format-command.js';
import type { RunResult } from '../runner/types.js';
import { PrivilegedError } from './privileged-error.js';

/**
 * How sudo refused: no rule matched and a password would be needed (`password-required`, the
 * message when `!authenticate` is not set), a rule exists but not for this command line
 * (`not-allowed`), or the binary does not exist (`command-not-found`).
 */
export type SudoRefusal = 'password-required' | 'not-allowed' | 'command-not-found';

/**
 * sudo itself refused to run the command (as opposed to the command running and failing):
 * the sudoers drop-in is missing, outdated, or does not cover this exact command line.
 */
export class PrivilegeDeniedError extends PrivilegedError {
  override name = 'PrivilegeDeniedError';
  override readonly reason = 'privilege-denied' as const;
  /** The command sudo refused, without the sudo prefix. */
  readonly command: string;
  /** How sudo refused. */
  readonly refusal: SudoRefusal;
  /** sudo's own message. */
  readonly sudoMessage: string;
  /** What to do about it. */
  readonly fix: string;
  /** The whole result. */
  readonly result: RunResult;

  constructor(result: RunResult, refusal: SudoRefusal) {
    const command = formatCommand([result.requested.file, ...result.requested.args]);
    const fix =
      refusal === 'command-not-found'
        ? `install ${result.requested.file} (or point Privileged's binaries option at it) and regenerate the sudoers drop-in`
        : 'install the drop-in from sudoersAllowlist({ user, mountBase }) as /etc/sudoers.d/felhom-agent ' +
          '(check it with visudo -cf first) and make sure this command line matches one of its rules';
    const sudoMessage = result.stderr.trim().split('\n')[0] ?? '';
    super(`sudo refused to run ${command}: ${sudoMessage} — ${fix}`);
    this.command = command;
    this.refusal = refusal;
    this.sudoMessage = sudoMessage;
    this.fix = fix;
    this.result = result;
  }
}
