import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientMethodsFile, generateClientMethods } from '../generate/client-methods.js';
import { formatWithBiome } from '../generate/format.js';

// Generated sources are committed so the package builds without the generators; this fails
// when one is stale (run `pnpm run generate`).
describe('generated sources', () => {
  it('the client methods match the table of operations', () => {
    const expected = formatWithBiome(generateClientMethods(), clientMethodsFile);
    expect(readFileSync(clientMethodsFile, 'utf8')).toBe(expected);
  });
});
