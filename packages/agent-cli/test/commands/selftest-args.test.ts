import { describe, expect, it } from 'vitest';
import { parseTimeout, parseVmid } from '../../src/commands/selftest-args.js';
import { UsageError } from '../../src/exit-codes.js';

describe('selftest arguments', () => {
  it('--timeout takes milliseconds or seconds', () => {
    expect(parseTimeout('5000')).toBe(5000);
    expect(parseTimeout('750ms')).toBe(750);
    expect(parseTimeout('5s')).toBe(5000);
  });

  it('--timeout refuses anything else with a usage error', () => {
    for (const raw of ['0', '-1', '5m', '1.5s', 'soon', '', '99999999999'])
      expect(() => parseTimeout(raw), raw).toThrow(UsageError);
  });

  it('--vmid is a container id', () => {
    expect(parseVmid('100')).toBe(100);
    expect(() => parseVmid('99')).toThrow('--vmid must be a container id from 100 to 999999999, got "99"');
  });
});
