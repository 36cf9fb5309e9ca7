import { formatCommand, tail } from '../runner/format-command.js';
import type { RunResult } from '../runner/types.js';
import { PrivilegedError } from './privileged-error.js';

/** A command ran and exited non-zero, or was killed by a signal. */
export class CommandFailedError extends PrivilegedError {
  override name = 'CommandFailedError';
  override readonly reason = 'command-failed' as const;
  /** The command as executed (display form). */
  readonly command: string;
  /** The exit code, or `null` when a signal ended the command. */
  readonly exitCode: number | null;
  /** The signal that ended the command, or `null`. */
  readonly signal: NodeJS.Signals | null;
  /** The last lines of stderr. */
  readonly stderrTail: string;
  /** Milliseconds the command ran. */
  readonly durationMs: number;
  /** The whole result, stdout included. */
  readonly result: RunResult;

  constructor(result: RunResult, options: { cause?: unknown } = {}) {
    const stderrTail = tail(result.stderr);
    const status = result.signal ? `killed by ${result.signal}` : `exit ${String(result.exitCode)}`;
    const said = stderrTail ? ` — ${stderrTail.split('\n').at(-1)}` : '';
    super(`command failed: ${formatCommand(result.argv)} — ${status}${said}`, options);
    this.command = result.command;
    this.exitCode = result.exitCode;
    this.signal = result.signal;
    this.stderrTail = stderrTail;
    this.durationMs = result.durationMs;
    this.result = result;
  }
}
