import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * The shape of one argument value, written once. `pattern` is a POSIX extended regular expression
 * that JavaScript's `RegExp` reads the same way: the sudoers drop-in pins the argument with it and
 * the validators test values with it, so the two cannot drift apart. Only the common subset of the
 * two dialects is used (literals, `\.` `\+`, bracket expressions without backslashes, groups,
 * `|`, `?`, `*`, `+` and `{m,n}` bounds up to 255); a test checks every grammar for that.
 */
export interface Grammar {
  /** The expression, without anchors. */
  readonly pattern: string;
  /** What a valid value looks like, in words, for error messages. */
  readonly expected: string;
  /**
   * The longest valid value. A regular expression cannot bound a total length without growing
   * past what sudo accepts, so the validators check it and the sudo rule does not.
   */
  readonly maxLength: number;
}

const compiled = new WeakMap<Grammar, RegExp>();

function regExpOf(grammar: Grammar): RegExp {
  let regExp = compiled.get(grammar);
  if (!regExp) {
    regExp = new RegExp(`^(${grammar.pattern})$`);
    compiled.set(grammar, regExp);
  }
  return regExp;
}

/** Defines a grammar. */
export function grammar(pattern: string, expected: string, maxLength: number): Grammar {
  return { pattern, expected, maxLength };
}

/** True when `value` is a string the grammar accepts (its full length, at most `maxLength`). */
export function matchesGrammar(grammar: Grammar, value: unknown): value is string {
  return typeof value === 'string' && value.length <= grammar.maxLength && regExpOf(grammar).test(value);
}

/** Returns `value` when the grammar accepts it, else throws `InvalidInputError` naming `parameter`. */
export function checkGrammar(parameter: string, value: unknown, grammar: Grammar): string {
  if (!matchesGrammar(grammar, value)) {
    throw new InvalidInputError(
      parameter,
      value,
      `${grammar.expected} (at most ${grammar.maxLength} characters)`,
    );
  }
  return value;
}

/** Escapes a literal for a POSIX ERE; the literals used here contain only `.` and `+` as specials. */
export function literalPattern(text: string): string {
  return text.replace(/[.+]/g, '\\$&');
}

/** A group matching exactly one of `words`. */
export function oneOfPattern(words: readonly string[]): string {
  return `(${words.map(literalPattern).join('|')})`;
}
