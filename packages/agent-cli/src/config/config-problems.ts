import { ConfigError } from './config-error.js';

/**
 * Collects every {@link ConfigError} of one load instead of stopping at the first, and remembers
 * which fields failed, so a field that failed is not reported a second time as missing.
 */
export class ConfigProblems {
  readonly #list: ConfigError[] = [];
  readonly #fields = new Set<string>();

  /** The problems so far, in the order they were found. */
  get list(): readonly ConfigError[] {
    return this.#list;
  }

  /** Records a problem with `field` (the dotted config field it belongs to). */
  add(error: ConfigError, field: string = error.field): void {
    this.#list.push(error);
    this.#fields.add(field);
  }

  /** Runs `read`; a {@link ConfigError} it throws is recorded against `field` and gives `undefined`. */
  attempt<T>(field: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.add(error, field);
      return undefined;
    }
  }

  /** True when `field`, one of its parents (`token` for `token.id`) or the whole file failed. */
  affects(field: string): boolean {
    return this.#fields.has('') || this.refused(field);
  }

  /** True when `field` or one of its parents failed (a failure of the whole file aside). */
  refused(field: string): boolean {
    const parts = field.split('.');
    return parts.some((_, index) => this.#fields.has(parts.slice(0, index + 1).join('.')));
  }
}
