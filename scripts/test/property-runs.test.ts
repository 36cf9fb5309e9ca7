import { afterEach, describe, expect, it, vi } from 'vitest';
import { propertyRuns } from '../../test-support/property-runs.js';

describe('propertyRuns', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('keeps the count in the main suite', () => {
    vi.stubEnv('FELHOM_PROPERTY_SCALE', undefined);
    expect(propertyRuns(1000)).toBe(1000);
  });

  it('scales the count where FELHOM_PROPERTY_SCALE is set, keeping at least 20 runs', () => {
    vi.stubEnv('FELHOM_PROPERTY_SCALE', '0.1');
    expect(propertyRuns(1000)).toBe(100);
    expect(propertyRuns(100_000)).toBe(10_000);
    expect(propertyRuns(100)).toBe(20);
    expect(propertyRuns(10)).toBe(10);
  });

  it('ignores a scale that is not a fraction', () => {
    for (const scale of ['0', '2', 'half', '-1']) {
      vi.stubEnv('FELHOM_PROPERTY_SCALE', scale);
      expect(propertyRuns(300)).toBe(300);
    }
  });
});
