/** One CI stage: a root package.json script, and what it proves. */
export interface Stage {
  readonly script: string;
  readonly proves: string;
}

/**
 * What `pnpm check` (and so .ci/run) runs, in order; each is also a root script of its own
 * (docs/ci.md). Cheap, likely-to-fail stages first; the build precedes everything that reads dist/.
 */
export const stages: readonly Stage[] = [
  { script: 'lint', proves: 'Biome lint and format, warnings fail' },
  {
    script: 'generate:api:check',
    proves:
      'the generated PVE API (packages/proxmox/src/api/generated) is what the generator writes from data/pve-api',
  },
  { script: 'typecheck', proves: 'tsc --noEmit over sources, tests, examples, bench and scripts' },
  {
    script: 'structure',
    proves: 'the API/root fence, no import cycles, the packaging checks fail when they should',
  },
  { script: 'build', proves: 'tsup builds every package (ESM + .d.ts)' },
  { script: 'test:node20', proves: 'the whole test suite on the machine’s Node 20' },
  { script: 'test:node22', proves: 'the whole test suite on Node 22 from the npm registry' },
  {
    script: 'test:node24-shifted-clock',
    proves:
      'the whole test suite on Node 24 from the npm registry, with the system clock 400 days ahead (faketime)',
  },
  {
    script: 'packages',
    proves:
      'pnpm pack, publint, attw, runtime dependencies; pnpm publish to a local registry, then from it: npx felhom-agent in an empty folder, import and require() of @felhom/proxmox, a TypeScript consumer, the host install as a service user',
  },
  { script: 'unused', proves: 'knip: no unused files, exports, types or dependencies' },
  { script: 'docs', proves: 'typedoc builds docs/api and every export is documented' },
];
