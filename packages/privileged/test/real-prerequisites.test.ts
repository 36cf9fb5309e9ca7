import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireReal } from './support/real-prerequisites.js';

describe('requireReal (how real-component tests skip or fail)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('runs when nothing is missing', () => {
    expect(requireReal('x', [false, false])).toBe(true);
  });

  it('skips with the reason printed outside CI', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requireReal('loop-device mount', ['no /dev/loop-control', false])).toBe(false);
    expect(warn).toHaveBeenCalledWith('[loop-device mount] skipped: no /dev/loop-control');
  });

  it('fails instead of skipping under CI=true', () => {
    vi.stubEnv('CI', 'true');
    expect(() =>
      requireReal('real sudo allowlist', ['/usr/bin/sudo is missing (apt-get install sudo)']),
    ).toThrow(
      'CI=true but [real sudo allowlist] cannot run: /usr/bin/sudo is missing (apt-get install sudo)',
    );
  });
});
