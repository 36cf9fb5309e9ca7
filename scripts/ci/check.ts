/**
 * `pnpm check`: runs every CI stage (scripts/ci/stages.ts) as `pnpm run <stage>`, stops at the
 * first failure, and prints how long each took. `--keep-going` runs the rest after a failure;
 * `--only a,b` runs the named stages only.
 *
 *   npx -y pnpm@10.34.9 run check
 */
import { spawnSync } from 'node:child_process';
import { pnpmCommand } from '../packaging/run.js';
import { repositoryRoot } from '../structure/repository.js';
import { type Stage, stages } from './stages.js';

const args = process.argv.slice(2);
const keepGoing = args.includes('--keep-going');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : undefined;
const selected = stages.filter((stage) => only === undefined || only.has(stage.script));

const [pnpm, prefix] = pnpmCommand();
const results: { stage: Stage; seconds: number; status: number | 'skipped' }[] = [];
const started = performance.now();
let failed = false;

for (const stage of selected) {
  if (failed && !keepGoing) {
    results.push({ stage, seconds: 0, status: 'skipped' });
    continue;
  }
  console.log(`\n== stage ${stage.script}: ${stage.proves}`);
  const before = performance.now();
  const run = spawnSync(pnpm, [...prefix, 'run', stage.script], { cwd: repositoryRoot, stdio: 'inherit' });
  const status = run.status ?? 1;
  results.push({ stage, seconds: (performance.now() - before) / 1000, status });
  if (status !== 0) failed = true;
}

const total = (performance.now() - started) / 1000;
console.log('\n== CI stages');
const width = Math.max('total'.length, ...results.map(({ stage }) => stage.script.length));
for (const { stage, seconds, status } of results) {
  const outcome = status === 'skipped' ? 'skipped' : status === 0 ? 'ok' : `FAILED (exit ${status})`;
  console.log(`${stage.script.padEnd(width)} ${seconds.toFixed(1).padStart(7)} s  ${outcome}`);
}
console.log(`${'total'.padEnd(width)} ${total.toFixed(1).padStart(7)} s`);
if (failed) process.exitCode = 1;
