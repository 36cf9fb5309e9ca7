/** Hostile or malformed strings every string input must reject (a shell is never used, but no value is trusted). */
export const hostileStrings: readonly (readonly [string, string])[] = [
  ['shell metacharacters', 'web;rm -rf /'],
  ['command substitution', '$(id)'],
  ['a backtick', '`id`'],
  ['a pipe', 'a|b'],
  ['a space', 'two words'],
  ['a newline', 'line1\nline2'],
  ['a tab', 'a\tb'],
  ['a dot-dot segment', '../etc'],
  ['an option lookalike', '--purge'],
  ['an empty string', ''],
  ['an overlong value', 'a'.repeat(300)],
  ['a NUL byte', 'a\0b'],
];
