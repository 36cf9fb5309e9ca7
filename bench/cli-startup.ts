/**
 * Cold start of `felhom-agent --version` against `node -e 0`, in one run: the two commands are
 * spawned alternately (so machine load hits both alike), and the ratio of medians is reported.
 *
 *   pnpm run build && npx tsx bench/cli-startup.ts [rounds]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.argv[2] ?? 40);
const cli = fileURLToPath(new URL('../packages/agent-cli/dist/cli.js', import.meta.url));
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm run build\` first`);

const commands = {
  'node -e 0': [process.execPath, '-e', '0'],
  'felhom-agent --version': [process.execPath, cli, '--version'],
} as const;

function time(argv: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0] as string, argv.slice(1), { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const samples: Record<string, number[]> = { 'node -e 0': [], 'felhom-agent --version': [] };
for (const argv of Object.values(commands)) time(argv); // warm the file cache
for (let round = 0; round < rounds; round += 1) {
  const order = round % 2 === 0 ? Object.entries(commands) : Object.entries(commands).reverse();
  for (const [name, argv] of order) samples[name]?.push(time(argv));
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const base = median(samples['node -e 0'] ?? []);
const cliMedian = median(samples['felhom-agent --version'] ?? []);
console.log(`Node ${process.version}, ${rounds} alternating rounds`);
console.log(`node -e 0                median ${base.toFixed(1)} ms`);
console.log(`felhom-agent --version   median ${cliMedian.toFixed(1)} ms`);
console.log(`ratio ${(cliMedian / base).toFixed(2)} (target <= 1.40)`);
