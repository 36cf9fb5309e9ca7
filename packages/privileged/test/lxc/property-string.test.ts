import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializePropertyString } from '../../src/lxc/property-string.js';

describe('serializePropertyString', () => {
  it('joins key=value pairs in order, booleans as 1/0, skipping undefined', () => {
    expect(
      serializePropertyString([
        ['keyctl', true],
        ['nesting', undefined],
        ['fuse', false],
      ]),
    ).toBe('keyctl=1,fuse=0');
  });

  it('refuses values that could add or change keys', () => {
    expect(() => serializePropertyString([['bridge', 'vmbr0,firewall=1']])).toThrow(/property bridge/);
    expect(() => serializePropertyString([['ip', 'a=b']])).toThrow(/property ip/);
    expect(() => serializePropertyString([['Bad', 'x']])).toThrow(/property key/);
  });

  it('round-trips: splitting the output on , and = gives back the pairs', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9._:/+@-]{1,20}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 6 }), (pairs) => {
        const text = serializePropertyString(pairs);
        const parsed = text === '' ? [] : text.split(',').map((part) => part.split('='));
        expect(parsed).toEqual(pairs.map(([k, v]) => [k, v]));
      }),
    );
  });
});
