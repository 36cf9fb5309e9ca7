import { formatCommand } from '../runner/format-command.js';
import type { RunResult } from '../runner/types.js';
import { PrivilegedError } from './privileged-error.js';

/** A command ran longer than its timeout and was killed; `result` holds what it printed until then. */
export class CommandTimeoutError extends PrivilegedError {
  override name = 'CommandTimeoutError';
  override readonly reason = 'timeout' as const;
  /** The command as executed (display form). */
  readonly command: string;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;
  /** The partial result (`timedOut: true`). */
  readonly result: RunResult;

  constructor(result: RunResult, timeoutMs: number) {
    super(`command timed out after ${timeoutMs} ms: ${formatCommand(result.argv)}`);
    this.command = result.command;
    this.timeoutMs = timeoutMs;
    this.result = result;
  }
}
