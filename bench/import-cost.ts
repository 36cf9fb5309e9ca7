/**
 * What importing the package costs a fresh process: the time of `await import(entry)` and the
 * heap it leaves behind (after a forced GC), for the root entry and the `/api` subpath of the
 * built package. Each sample is a new `node --expose-gc` process; the entries are sampled in
 * alternating order, so machine load hits them alike, and the medians with p10–p90 are printed.
 *
 *   pnpm run build && npx tsx bench/import-cost.ts [rounds] [baseline-dist]
 *
 * `baseline-dist` is the `dist/` folder of another build of the package (e.g. the main branch's,
 * copied aside with a node_modules that resolves its dependencies); its root entry is then
 * sampled in the same rounds, and the root's ratio to it is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const rounds = Number(process.argv[2] ?? 30);
const dist = fileURLToPath(new URL('../packages/proxmox/dist/', import.meta.url));
const baseline = process.argv[3];
const entries: Record<string, string> = {
  '@felhom/proxmox': `${dist}index.js`,
  '@felhom/proxmox/api': `${dist}api/index.js`,
  ...(baseline ? { 'baseline @felhom/proxmox': `${baseline.replace(/\/?$/, '/')}index.js` } : {}),
};
for (const file of Object.values(entries)) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm run build\` first`);
}

// The child measures itself, so process start-up and Node's own module loading stay out.
const child = (url: string) => `
gc(); const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
await import(${JSON.stringify(url)});
const ms = performance.now() - t0;
gc(); const heap = process.memoryUsage().heapUsed - heap0;
process.stdout.write(JSON.stringify({ ms, heap }));`;

interface Sample {
  readonly ms: number;
  readonly heap: number;
}

function sample(file: string): Sample {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--input-type=module', '-e', child(pathToFileURL(file).href)],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Sample;
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

const samples = new Map<string, Sample[]>(Object.keys(entries).map((name) => [name, []]));
const load = [loadavg()[0] ?? 0];
for (const file of Object.values(entries)) sample(file); // warm the file cache
for (let round = 0; round < rounds; round += 1) {
  const order = round % 2 === 0 ? Object.entries(entries) : Object.entries(entries).reverse();
  for (const [name, file] of order) samples.get(name)?.push(sample(file));
}
load.push(loadavg()[0] ?? 0);

console.log(`Node ${process.version}, ${rounds} alternating rounds, load average ${load.join(' → ')}`);
console.log('| entry | import ms, median (p10–p90) | heap MiB, median (p10–p90) |');
console.log('| --- | --- | --- |');
for (const [name, list] of samples) {
  const ms = list.map((s) => s.ms);
  const heap = list.map((s) => s.heap / 1024 / 1024);
  const range = (values: number[], digits: number) =>
    `${quantile(values, 0.5).toFixed(digits)} (${quantile(values, 0.1).toFixed(digits)}–${quantile(values, 0.9).toFixed(digits)})`;
  console.log(`| \`${name}\` | ${range(ms, 1)} | ${range(heap, 2)} |`);
}

if (baseline) {
  // Paired per round: the root entry against the baseline sampled right beside it.
  const own = samples.get('@felhom/proxmox') ?? [];
  const base = samples.get('baseline @felhom/proxmox') ?? [];
  const ratios = (pick: (s: Sample) => number) =>
    own.map((sample, i) => pick(sample) / pick(base[i] ?? sample));
  const spread = (values: number[]) =>
    `${quantile(values, 0.5).toFixed(3)} (p10–p90 ${quantile(values, 0.1).toFixed(3)}–${quantile(values, 0.9).toFixed(3)})`;
  console.log(
    `root / baseline, median of paired rounds: time ${spread(ratios((s) => s.ms))}, heap ${spread(ratios((s) => s.heap))}`,
  );
}
