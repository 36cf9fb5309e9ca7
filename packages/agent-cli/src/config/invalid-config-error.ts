import type { ConfigError } from './config-error.js';

/**
 * The configuration cannot be used: every problem found, not only the first, so an operator fixes
 * them in one go. The CLI prints one `config error:` line per problem (or lists them in the
 * `--json` document) and exits 2.
 */
export class InvalidConfigError extends Error {
  override name = 'InvalidConfigError';
  /** Each problem, in the order the fields are read. Never empty. */
  readonly problems: readonly ConfigError[];
  /** Warnings found on the way (a world-readable secret, an unknown variable). */
  readonly warnings: readonly string[];
  /** The config file that was read, if one was. */
  readonly file: string | undefined;

  constructor(problems: readonly ConfigError[], warnings: readonly string[], file: string | undefined) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.problems = problems;
    this.warnings = warnings;
    this.file = file;
  }
}
