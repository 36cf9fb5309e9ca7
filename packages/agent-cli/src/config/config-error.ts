/**
 * A configuration problem: names where the bad value came from (the file, or the environment
 * variable), the field, what was expected, and what was found. The CLI prints its message and
 * exits 2. The token secret is never part of it.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Where the value came from: a file path or `environment FELHOM_AGENT_…`. */
  readonly origin: string;
  /** The dotted field name, e.g. `token.id`; empty for whole-file problems (bad JSON). */
  readonly field: string;
  /** What was expected. */
  readonly expected: string;
  /** What was found, when there was something to show (never the secret). */
  readonly got: string | undefined;

  constructor(init: { origin: string; field: string; expected: string; got?: string }) {
    const where = init.field ? `${init.origin}: ${init.field}` : init.origin;
    const got = init.got === undefined ? '' : `, got ${init.got}`;
    super(`${where}: expected ${init.expected}${got}`);
    this.origin = init.origin;
    this.field = init.field;
    this.expected = init.expected;
    this.got = init.got;
  }

  /** The problem as a JSON value (`config check --json`, `selftest --json`). */
  toJSON(): { origin: string; field: string; expected: string; got: string | null; message: string } {
    const { origin, field, expected, got, message } = this;
    return { origin, field, expected, got: got ?? null, message };
  }
}
