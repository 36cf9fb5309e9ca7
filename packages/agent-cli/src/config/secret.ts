import { inspect } from 'node:util';

const MASK = '********';

/**
 * Holds the API token secret so that it cannot leak by accident: `String()`, template strings,
 * `JSON.stringify` and `util.inspect` all render `********`. Only {@link Secret.reveal} gives the
 * value, and only the code that builds the client calls it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself. Call it only where the value must leave the process (the client). */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return MASK;
  }
}

/** How a secret is shown wherever it must be shown at all. */
export const SECRET_MASK = MASK;
