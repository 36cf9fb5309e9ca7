/**
 * Runs every benchmark in turn with its default settings (`pnpm run bench`). Each prints its own
 * table; the figures go to docs/performance.md. Runs them as child processes so one's heap and
 * JIT state do not colour the next.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = [
  'validation.ts',
  'transport.ts',
  'pinned-transport.ts',
  'client-list.ts',
  'wait-task-memory.ts',
  'cli-startup.ts',
  'import-cost.ts',
];
const root = fileURLToPath(new URL('..', import.meta.url));

for (const bench of benches) {
  console.log(`\n## bench/${bench}\n`);
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(bench, import.meta.url))], {
    cwd: root,
    stdio: 'inherit',
  });
}
