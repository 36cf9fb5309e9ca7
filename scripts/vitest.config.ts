import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The repository's structure checks (the API/root fence, import cycles, the packed packages as
 * consumers get them): `vitest run --config scripts/vitest.config.ts`, part of `pnpm check`
 * (docs/ci.md). Kept apart from vitest.workspace.ts, whose projects are the packages.
 */
export default defineConfig({
  test: {
    name: 'structure',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
