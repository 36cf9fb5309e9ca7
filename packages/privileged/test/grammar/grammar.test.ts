import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../test-support/property-runs.js';
import { rangePattern } from '../../src/grammar/integer-range.js';
import { lxcGrammar, pctCreatePatterns } from '../../src/lxc/lxc-grammar.js';
import {
  helperMountPattern,
  helperUnmountPattern,
  mountNameGrammar,
  mountOptionsGrammar,
} from '../../src/mount/helper-arguments.js';
import { sudoRegexMaxLength } from '../../src/sudoers/sudo-limits.js';
import { deviceGrammar } from '../../src/validate/device.js';
import { ipv4CidrGrammar, ipv4Grammar } from '../../src/validate/network.js';

const anchored = (pattern: string) => new RegExp(`^(${pattern})$`);

describe('rangePattern: integer ranges as regular expressions', () => {
  it('matches exactly the decimal integers of the range, never with a leading zero', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2_000_000_000 }),
        fc.nat({ max: 2_000_000_000 }),
        fc.nat({ max: 2_100_000_000 }),
        (a, b, n) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const regExp = anchored(rangePattern(min, max));
          for (const candidate of [n, min, max, min - 1, max + 1, Math.floor((min + max) / 2)]) {
            if (candidate < 0) continue;
            expect(regExp.test(String(candidate))).toBe(candidate >= min && candidate <= max);
            expect(regExp.test(`0${candidate}`)).toBe(false);
          }
        },
      ),
      { numRuns: propertyRuns(3000) },
    );
  });

  it('gives the short forms sudo rules want', () => {
    expect(rangePattern(100, 999_999_999)).toBe('[1-9][0-9]{2,8}');
    expect(rangePattern(0, 1)).toBe('[01]');
    expect(rangePattern(1, 8192)).toBe('([1-9][0-9]{0,2}|[1-7][0-9]{3}|8(0[0-9]{2}|1([0-8][0-9]|9[0-2])))');
  });
});

// Every expression the drop-in pins, as sudo compiles it (POSIX ERE via regcomp, after sudo's
// own checks in lib/util/regex.c) and as the validators run it (JavaScript RegExp).
const helper = '/opt/felhom/node_modules/@felhom/privileged/dist/fstab-helper.js';
const everyPattern = [
  ...pctCreatePatterns(),
  `^-j -a ${deviceGrammar.pattern}$`,
  helperMountPattern(helper, '/srv/felhom/usb'),
  helperUnmountPattern(helper, '/srv/felhom/usb'),
];
const everyGrammar = [
  ...Object.values(lxcGrammar),
  ipv4Grammar,
  ipv4CidrGrammar,
  deviceGrammar,
  mountNameGrammar,
  mountOptionsGrammar,
];

describe('the grammars are written in the subset POSIX ERE and JavaScript read alike', () => {
  it.each(everyGrammar.map((grammar) => [grammar.expected, grammar.pattern]))('%s', (_, pattern) => {
    expect(pattern).not.toMatch(/\\[^.+]/); // the only escapes: \. and \+
    expect(pattern).not.toContain('(?'); // no JavaScript-only groups or lookarounds
    expect(pattern).not.toMatch(/\[[^\]]*\\/); // no backslash inside a bracket expression (literal in ERE)
    expect(pattern).not.toContain('#'); // sudoers would read it as a comment
    expect(() => new RegExp(pattern)).not.toThrow();
  });

  it.each(everyPattern.map((pattern) => [pattern.slice(0, 40), pattern]))(
    'sudo accepts %s…',
    (_, pattern) => {
      expect(pattern.length).toBeLessThanOrEqual(sudoRegexMaxLength);
      for (const [, low, high] of pattern.matchAll(/\{([0-9]+)(?:,([0-9]+))?\}/g)) {
        expect(Number(low)).toBeLessThanOrEqual(255);
        expect(Number(high ?? 0)).toBeLessThanOrEqual(255);
      }
      // sudo refuses a repetition operator right after another one (REG_BADRPT).
      expect(pattern).not.toMatch(/[?*+}][?*+{]/);
      expect(pattern).not.toContain('#');
    },
  );
});
