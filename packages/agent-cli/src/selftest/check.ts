/** The outcome of one selftest check. */
export type CheckStatus = 'ok' | 'fail' | 'skipped';

/** One line of the selftest report (and one entry of its `--json` document). */
export interface CheckResult {
  /** Stable identifier for machines, e.g. `node-status`. */
  readonly id: string;
  /** What was checked, for people. */
  readonly title: string;
  readonly status: CheckStatus;
  /** One line of evidence: what the host answered, or what went wrong. */
  readonly evidence: string;
  /** For a failure: what to do about it (a command to run, a setting to change). */
  readonly hint?: string;
  readonly durationMs: number;
}

/**
 * A failed check: the evidence and an actionable hint. `fatal` stops the checks after it
 * (a wrong pin or a rejected token makes every later call fail the same way).
 */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
  readonly evidence: string;
  readonly hint: string | undefined;
  readonly fatal: boolean;

  constructor(evidence: string, options: { hint?: string | undefined; fatal?: boolean } = {}) {
    super(evidence);
    this.evidence = evidence;
    this.hint = options.hint;
    this.fatal = options.fatal ?? false;
  }
}

/** A check to run: returns its evidence line, or throws a {@link CheckFailure}. */
export interface Check {
  readonly id: string;
  readonly title: string;
  run(signal: AbortSignal): Promise<string>;
}
