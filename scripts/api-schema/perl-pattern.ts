// Translates the schema's Perl regexes into JavaScript ones that match the same strings, the way
// PVE matches a parameter: `m/^$pattern$/` (pve-common PVE::JSONSchema::check_prop).
//
// - The anchors are pasted around the pattern as text, so `a|b` is `^a|b$`: each anchor binds
//   to the outer alternative next to it only. We paste them the same way.
// - Perl's strings are Unicode here, so `\d` and `\w` match any Unicode digit or word
//   character: `\p{Nd}` and `[\p{L}\p{M}\p{Nd}\p{Pc}]` under JavaScript's `u` flag.
// - Perl's `$` also matches before one trailing newline; ours does not: a value ending in a
//   newline is refused (never what a caller meant, and PVE writes many values into line-based
//   configuration files).
// - `(?^:…)` and `(?^i:…)` are how a `qr//` prints; JavaScript has no inline modifiers (Node
//   20), so a caseless group makes the whole pattern caseless. That is exact for the schema's
//   patterns: outside their caseless groups they hold no letters (checked below). A `qr//`
//   compiled under `use v5.36` (its `unicode_strings` feature) prints as `(?^u:…)`: Unicode
//   rules, which are ours already.
// - `{,n}` is a quantifier since Perl 5.34 (PVE 8 runs 5.36): `{0,n}`.
// - Under `u`, only syntax characters may be escaped: `\_`, `\@` and the like lose the backslash.

const syntaxCharacters = new Set([...'^$\\.*+?()[]{}|/']);
const wordClass = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';

/** A pattern ready for `new RegExp(source, flags)`. */
export interface TranslatedPattern {
  readonly source: string;
  readonly flags: 'u' | 'iu';
}

/** The JavaScript equivalent of PVE's `m/^$pattern$/`. Throws for a construct it cannot translate. */
export function translatePerlPattern(pattern: string): TranslatedPattern {
  const caseless = /\(\?\^[iu]*i[iu]*:/.test(pattern);
  let out = '';
  let inClass = false;
  let classStart = 0;
  let depth = 0;
  const caselessDepths: number[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new Error(`pattern ends in a backslash: ${pattern}`);
      i += 1;
      if (next === 'd') out += inClass ? '\\p{Nd}' : '\\p{Nd}';
      else if (next === 'w') out += inClass ? wordClass : `[${wordClass}]`;
      else if (next === 'D' || next === 'W') {
        if (inClass) throw new Error(`\\${next} inside a class is not translated: ${pattern}`);
        out += next === 'D' ? '\\P{Nd}' : `[^${wordClass}]`;
      } else if (/[sSnrtfv0]/.test(next)) out += `\\${next}`;
      else if (next === 'x') {
        out += `\\x${pattern.slice(i + 1, i + 3)}`;
        i += 2;
      } else if (/[A-Za-z0-9]/.test(next)) throw new Error(`escape \\${next} is not translated: ${pattern}`);
      else if (syntaxCharacters.has(next) || (inClass && next === '-')) out += `\\${next}`;
      else out += next;
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        if (caseless && caselessDepths.length === 0)
          assertCaseSymmetric(pattern.slice(classStart, i), pattern);
      }
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      classStart = i + 1;
      out += char;
      // A `]` or `^]` right after `[` is a literal in both languages.
      if (pattern[i + 1] === '^') {
        out += '^';
        i += 1;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (char === '(') {
      depth += 1;
      const modifiers = /^\(\?\^([a-z]*):/.exec(pattern.slice(i));
      if (modifiers) {
        const flags = modifiers[1] ?? '';
        if (/[^iu]/.test(flags)) throw new Error(`modifiers (?^${flags}: are not translated: ${pattern}`);
        if (flags.includes('i')) caselessDepths.push(depth);
        out += '(?:';
        i += modifiers[0].length - 1;
        continue;
      }
      out += char;
      continue;
    }
    if (char === ')') {
      if (caselessDepths[caselessDepths.length - 1] === depth) caselessDepths.pop();
      depth -= 1;
      out += char;
      continue;
    }
    if (char === '{' && pattern[i + 1] === ',') {
      out += '{0';
      continue;
    }
    if (caseless && caselessDepths.length === 0 && /[A-Za-z]/.test(char)) {
      // A letter outside the caseless groups would become caseless too: not exact.
      throw new Error(`a letter outside a caseless group: ${pattern}`);
    }
    out += char;
  }
  const source = `^${out}$`;
  const flags = caseless ? 'iu' : 'u';
  new RegExp(source, flags); // throws when the translation is not valid JavaScript
  return { source, flags };
}

/** A class outside the caseless groups must already match both cases (`[0-9a-fA-F]`). */
function assertCaseSymmetric(classBody: string, pattern: string): void {
  const letters = classBody.replace(/\\./g, '').match(/[A-Za-z]/g) ?? [];
  const lower = new Set(letters.filter((l) => l === l.toLowerCase()));
  const upper = new Set(letters.filter((l) => l !== l.toLowerCase()).map((l) => l.toLowerCase()));
  if (lower.size !== upper.size || [...lower].some((l) => !upper.has(l))) {
    throw new Error(`a class outside a caseless group matches one case only: ${pattern}`);
  }
}
