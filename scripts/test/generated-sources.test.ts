import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMethodsFile, generateClientMethods } from '../generate/client-methods.js';
import { formatWithBiome } from '../generate/format.js';
import { checkersModules, generateResponseCheckers } from '../generate/response-checkers.js';

// Generated sources are committed so the package builds without the generators; this fails
// when one is stale (run `pnpm run generate`).
describe('generated sources', () => {
  it('the client methods match the table of operations', () => {
    const expected = formatWithBiome(generateClientMethods(), clientMethodsFile);
    expect(readFileSync(clientMethodsFile, 'utf8')).toBe(expected);
  });

  it.each(checkersModules.map((module) => [basename(module.file), module] as const))(
    '%s matches the response shapes it reads',
    (_name, { file, shapes, registry, listedIn }) => {
      const expected = formatWithBiome(generateResponseCheckers(shapes, registry, listedIn), file);
      expect(readFileSync(file, 'utf8')).toBe(expected);
    },
  );
});
