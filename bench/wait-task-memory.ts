/**
 * Memory of many concurrent waits: 1000 `client.waitTask` calls at once against a plain loop of
 * `fetch` + `JSON.parse` polls with the same schedule (`pollDelay`) and the same in-flight cap,
 * each side in its own child process (bench/wait-task-memory-child.ts, bundled with esbuild so
 * no TypeScript loader is measured), alternating, several runs each. The figure is each
 * process's peak RSS (`process.resourceUsage().maxRSS`): median, min and max per side.
 * A loopback HTTP server in this process plays the host: task i runs 2 + (i mod 10) s from its
 * first poll. Target: waitTask's peak ≤ 120 MB.
 *
 * Run: npx tsx bench/wait-task-memory.ts [runs] [tasks] [concurrency]   (defaults 5 1000 4)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';

const runs = Number(process.argv[2] ?? 5);
const tasks = Number(process.argv[3] ?? 1000);
const concurrency = Number(process.argv[4] ?? 4);
const root = fileURLToPath(new URL('..', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'felhom-bench-'));
const child = join(dir, 'child.mjs');
buildSync({
  entryPoints: [fileURLToPath(new URL('wait-task-memory-child.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: child,
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'error',
});

// The host: every task's status, `running` until its run time since its first poll has passed.
const firstSeen = new Map<string, number>();
const server = createServer((request, response) => {
  const match = /\/tasks\/([^/]+)\/status$/.exec(request.url ?? '');
  const upid = decodeURIComponent(match?.[1] ?? '');
  const [, node = '', pid = '0', pstart = '0', starttime = '0', type = '', id = '100'] = upid.split(':');
  const now = Date.now();
  const first = firstSeen.get(upid) ?? now;
  firstSeen.set(upid, first);
  const runMs = 2_000 + ((Number(id) - 100) % 10) * 1_000;
  const stopped = now - first >= runMs;
  const body = JSON.stringify({
    data: {
      upid,
      node,
      pid: Number.parseInt(pid, 16),
      pstart: Number.parseInt(pstart, 16),
      starttime: Number.parseInt(starttime, 16),
      type,
      id,
      user: 'felhom@pve',
      tokenid: 'bench',
      status: stopped ? 'stopped' : 'running',
      ...(stopped ? { exitstatus: 'OK' } : {}),
    },
  });
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Result {
  readonly mode: string;
  readonly peakRssMB: number;
  readonly seconds: number;
}
const results: Record<string, Result[]> = { waitTask: [], plain: [] };
const loads: string[] = [];
for (let run = 0; run < runs; run++) {
  // Alternate which side goes first, so drift in machine load hits both alike.
  const order = run % 2 === 0 ? ['waitTask', 'plain'] : ['plain', 'waitTask'];
  for (const mode of order) {
    firstSeen.clear();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [child, mode, origin, String(tasks), String(concurrency)],
      { cwd: root },
    );
    results[mode]?.push(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Result);
  }
  loads.push(loadavg()[0]?.toFixed(2) ?? '?');
}
server.close();
rmSync(dir, { recursive: true, force: true });

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const row = (label: string, data: readonly Result[]) => {
  const peaks = data.map((entry) => entry.peakRssMB);
  const cell = (value: number) => value.toFixed(1).padStart(8);
  return `| ${label.padEnd(30)} | ${cell(median(peaks))} | ${cell(Math.min(...peaks))} | ${cell(Math.max(...peaks))} | ${median(
    data.map((entry) => entry.seconds),
  )
    .toFixed(1)
    .padStart(9)} |`;
};
console.log(
  `${tasks} concurrent waits, in-flight cap ${concurrency}, ${runs} runs per side in child processes, alternating`,
);
console.log(
  `node ${process.version}, ${process.platform}/${process.arch}, load average (1 min) after each run pair: ${loads.join(', ')}`,
);
console.log('');
console.log('| variant                        | peak RSS MB (median) |  min |  max | seconds |');
console.log('|--------------------------------|----------|----------|----------|-----------|');
console.log(row('plain fetch loop, same schedule', results.plain ?? []));
console.log(row('ProxmoxClient.waitTask', results.waitTask ?? []));
console.log('');
console.log(
  `peak RSS waitTask/plain (medians): ${(median((results.waitTask ?? []).map((r) => r.peakRssMB)) / median((results.plain ?? []).map((r) => r.peakRssMB))).toFixed(3)} (target: waitTask ≤ 120 MB)`,
);
