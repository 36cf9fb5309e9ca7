/**
 * Checks one value of a named PVE format: `undefined` when PVE's format check would accept it,
 * otherwise the reason in PVE's words.
 */
export type FormatChecker = (value: string) => string | undefined;

/** A checker from an anchored regex and PVE's message for a mismatch. */
export function matching(pattern: RegExp, message: string): FormatChecker {
  return (value) => (pattern.test(value) ? undefined : message);
}

/** A checker that accepts what any of `checkers` accepts, with `message` otherwise. */
export function either(message: string, ...checkers: readonly FormatChecker[]): FormatChecker {
  return (value) => (checkers.some((check) => check(value) === undefined) ? undefined : message);
}

/** A checker that accepts only the listed words. */
export function oneOf(words: readonly string[], what: string): FormatChecker {
  const allowed = new Set(words);
  return (value) => (allowed.has(value) ? undefined : `invalid ${what} '${value}'`);
}

/**
 * PVE's `split_list`: on NUL bytes when the text has any, otherwise on commas, semicolons and
 * whitespace; empty items dropped.
 */
export function splitPveList(text: string): string[] {
  if (text.includes('\0')) return text.split('\0');
  return text
    .replace(/[,;]/g, ' ')
    .split(/\s+/)
    .filter((item) => item !== '');
}
