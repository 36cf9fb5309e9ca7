import { CommandFailedError } from '../errors/command-failed-error.js';
import { PrivilegeDeniedError } from '../errors/privilege-denied-error.js';
import { sudoRefusal } from './sudo-refusal.js';
import type { RunResult } from './types.js';

/**
 * The outcome rules every runner shares: in sudo mode sudo's own refusal becomes a
 * `PrivilegeDeniedError` (whatever `reject` says); otherwise a non-zero exit or a signal becomes a
 * `CommandFailedError` unless the caller passed `reject: false`.
 */
export function settle(result: RunResult, mode: 'direct' | 'sudo', reject: boolean | undefined): RunResult {
  if (mode === 'sudo') {
    const refusal = sudoRefusal(result.exitCode, result.stdout, result.stderr);
    if (refusal) throw new PrivilegeDeniedError(result, refusal);
  }
  if ((result.exitCode !== 0 || result.signal !== null) && reject !== false)
    throw new CommandFailedError(result);
  return result;
}
