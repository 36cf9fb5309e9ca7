import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The test projects, one per package. Vitest 4 dropped workspace files, so this file is an
 * ordinary config whose `test.projects` holds the list; the root `pnpm test` passes it with
 * `--config vitest.workspace.ts` (docs/development.md).
 *
 * Inside tests, `@felhom/*` imports resolve to the packages' sources, so a change is tested
 * without a rebuild; tests that spawn the CLI use the built `dist/` on purpose.
 */
const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Longer keys first: Vite matches aliases by prefix, in order.
const alias = {
  '@felhom/proxmox/options': source('./packages/proxmox/src/entries/options.ts'),
  '@felhom/proxmox/schemas': source('./packages/proxmox/src/entries/schemas.ts'),
  '@felhom/proxmox/privileges': source('./packages/proxmox/src/entries/privileges.ts'),
  '@felhom/proxmox/encoding': source('./packages/proxmox/src/entries/encoding.ts'),
  '@felhom/proxmox/validation': source('./packages/proxmox/src/entries/validation.ts'),
  '@felhom/proxmox/errors': source('./packages/proxmox/src/entries/errors.ts'),
  '@felhom/proxmox/tasks': source('./packages/proxmox/src/entries/tasks.ts'),
  '@felhom/proxmox/api': source('./packages/proxmox/src/api/index.ts'),
  '@felhom/proxmox/testing/msw': source('./packages/proxmox/src/testing/msw.ts'),
  '@felhom/proxmox/testing': source('./packages/proxmox/src/testing/index.ts'),
  '@felhom/proxmox': source('./packages/proxmox/src/index.ts'),
  '@felhom/privileged/testing': source('./packages/privileged/src/testing/index.ts'),
  '@felhom/privileged': source('./packages/privileged/src/index.ts'),
};

const project = (name: string) => ({
  resolve: { alias },
  test: {
    name,
    root: source(`./packages/${name}`),
    include: ['test/**/*.test.ts'],
    // Off in the runs on other Nodes and with the clock shifted (scripts/ci/registry-node.ts).
    typecheck: {
      enabled: process.env.FELHOM_TYPE_TESTS !== 'off',
      include: ['test/**/*.test-d.ts'],
      tsconfig: source('./tsconfig.json'),
    },
    testTimeout: 20_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      project('proxmox'),
      project('privileged'),
      project('agent-cli'),
      // End-to-end: the examples (and other whole-repository checks) run as users run them.
      {
        resolve: { alias },
        test: { name: 'e2e', root: source('.'), include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
