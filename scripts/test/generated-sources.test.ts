import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientMethodsFile, generateClientMethods } from '../generate/client-methods.js';
import { formatWithBiome } from '../generate/format.js';
import { generateResponseCheckers, responseCheckersFile } from '../generate/response-checkers.js';

// Generated sources are committed so the package builds without the generators; this fails
// when one is stale (run `pnpm run generate`).
describe('generated sources', () => {
  it('the client methods match the table of operations', () => {
    const expected = formatWithBiome(generateClientMethods(), clientMethodsFile);
    expect(readFileSync(clientMethodsFile, 'utf8')).toBe(expected);
  });

  it('the response checkers match the response shapes', () => {
    const expected = formatWithBiome(generateResponseCheckers(), responseCheckersFile);
    expect(readFileSync(responseCheckersFile, 'utf8')).toBe(expected);
  });
});
