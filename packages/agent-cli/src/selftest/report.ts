import type { ConfigError } from '../config/config-error.js';
import type { Style } from '../output/style.js';
import type { CheckResult } from './check.js';

/** How one result is printed for people: `[ ok ] title: evidence`, hints indented below. */
export function formatResultLine(result: CheckResult, style: Style): string {
  const tag =
    result.status === 'ok'
      ? style.green('[ ok ]')
      : result.status === 'fail'
        ? style.red('[FAIL]')
        : style.yellow('[skip]');
  const lines = [`${tag} ${result.title}: ${result.evidence}`];
  if (result.hint) {
    for (const [index, line] of result.hint.split('\n').entries()) {
      lines.push(`       ${index === 0 ? style.bold('hint:') : '     '} ${line}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The closing summary line for people. */
export function formatSummary(results: readonly CheckResult[], style: Style): string {
  const failed = results.filter((result) => result.status === 'fail').length;
  const skipped = results.filter((result) => result.status === 'skipped').length;
  const passed = results.length - failed - skipped;
  const text = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  return `${failed === 0 && skipped === 0 ? style.green(text) : style.red(text)}\n`;
}

/** The `--json` document (schema: docs/cli.md). */
export interface SelftestDocument {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'felhom-agent'; readonly version: string };
  /** The host checked; `null` when the configuration could not be used. */
  readonly target: {
    readonly baseUrl: string;
    readonly tokenId: string;
    readonly node: string | null;
    readonly tls: string;
    readonly demo: boolean;
  } | null;
  readonly ok: boolean;
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
  readonly checks: readonly CheckResult[];
  /** Only when the configuration could not be used (exit 2): every problem with it. */
  readonly configErrors?: readonly ConfigError[];
}

/** Builds the `--json` document from the results. */
export function buildDocument(
  results: readonly CheckResult[],
  meta: { version: string; target: SelftestDocument['target'] },
): SelftestDocument {
  const failed = results.filter((result) => result.status === 'fail').length;
  const skipped = results.filter((result) => result.status === 'skipped').length;
  return {
    schemaVersion: 1,
    tool: { name: 'felhom-agent', version: meta.version },
    target: meta.target,
    ok: failed === 0 && skipped === 0,
    summary: { passed: results.length - failed - skipped, failed, skipped },
    checks: results,
  };
}

/** The `--json` document when the configuration could not be used: no target, no checks. */
export function buildConfigErrorDocument(
  problems: readonly ConfigError[],
  version: string,
): SelftestDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'felhom-agent', version },
    target: null,
    ok: false,
    summary: { passed: 0, failed: 0, skipped: 0 },
    checks: [],
    configErrors: problems,
  };
}
