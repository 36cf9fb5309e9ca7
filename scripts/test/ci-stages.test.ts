import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stages } from '../ci/stages.js';
import { repositoryRoot } from '../structure/repository.js';

/** `pnpm check` is what .ci/run runs: it must keep every stage the issue asks CI to prove. */
const scripts = (
  JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('pnpm check', () => {
  it('runs the stage runner, which runs every required stage', () => {
    expect(scripts.check).toBe('tsx scripts/ci/check.ts');
    expect(stages.map((stage) => stage.script)).toEqual([
      'lint',
      'generate:api:check',
      'typecheck',
      'structure',
      'build',
      'test:node20',
      'test:node22',
      'test:node24-shifted-clock',
      'packages',
      'unused',
      'docs',
    ]);
  });

  it('each stage is a root script, and the Node stages pin exact versions of Node 22 and 24', () => {
    for (const stage of stages) expect(scripts[stage.script], stage.script).toBeTypeOf('string');
    expect(scripts['test:node22']).toMatch(/test-on-node\.ts 22\.\d+\.\d+$/);
    expect(scripts['test:node24-shifted-clock']).toMatch(
      /test-shifted-clock\.ts --node 24\.\d+\.\d+ '\+400 days'$/,
    );
  });

  it('.ci/run still runs exactly the README command, so the stages above are what CI runs', () => {
    const ciRun = readFileSync(join(repositoryRoot, '.ci', 'run'), 'utf8');
    expect(ciRun).toContain('npx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 run check');
    // The shifted-clock stage needs libfaketime, which .ci/run installs when it is missing.
    expect(ciRun).toMatch(/command -v faketime .*need\+=\(faketime\)/);
  });
});
