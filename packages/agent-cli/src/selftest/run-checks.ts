import { type Check, CheckFailure, type CheckResult } from './check.js';

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  readonly signal: AbortSignal;
  /** Turns an unexpected error into evidence and a hint (the SDK's typed errors mostly). */
  readonly explain: (error: unknown) => CheckFailure;
  /** Called as each check starts (not for skipped ones), e.g. to show a spinner while it waits. */
  readonly onStart?: (check: Check) => void;
  /** Called as each check ends, so people see progress line by line. */
  readonly onResult?: (result: CheckResult) => void;
  /** Clock for durations; injectable so tests are exact. @default performance.now */
  readonly now?: () => number;
}

/**
 * Runs checks in order. A failure is recorded and the next check runs, except after a fatal
 * failure (TLS, authentication, an unreachable host), where the remaining checks are reported
 * as skipped with the reason, since each would fail the same way. An abort stops the run.
 */
export async function runChecks(checks: readonly Check[], options: RunChecksOptions): Promise<CheckResult[]> {
  const now = options.now ?? (() => performance.now());
  const results: CheckResult[] = [];
  let fatal: string | undefined;
  for (const check of checks) {
    options.signal.throwIfAborted();
    const started = now();
    let result: CheckResult;
    if (fatal !== undefined) {
      result = {
        id: check.id,
        title: check.title,
        status: 'skipped',
        evidence: `not run: ${fatal}`,
        durationMs: 0,
      };
    } else {
      options.onStart?.(check);
      try {
        const evidence = await check.run(options.signal);
        result = {
          id: check.id,
          title: check.title,
          status: 'ok',
          evidence,
          durationMs: elapsed(now, started),
        };
      } catch (error) {
        if (options.signal.aborted) throw options.signal.reason;
        const failure = error instanceof CheckFailure ? error : options.explain(error);
        result = {
          id: check.id,
          title: check.title,
          status: 'fail',
          evidence: failure.evidence,
          ...(failure.hint === undefined ? {} : { hint: failure.hint }),
          durationMs: elapsed(now, started),
        };
        if (failure.fatal) fatal = `${check.title} failed`;
      }
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

function elapsed(now: () => number, started: number): number {
  return Math.round(now() - started);
}
