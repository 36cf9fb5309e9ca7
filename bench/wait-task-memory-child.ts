/**
 * One side of bench/wait-task-memory.ts, run in its own process (bundled by the parent with
 * esbuild, so no TypeScript loader sits in the measured heap). Waits for `count` tasks at once
 * and prints the process's peak RSS as JSON.
 *
 * Arguments: <mode: waitTask|plain> <origin> <count> <concurrency>
 */
import { ProxmoxClient } from '@felhom/proxmox';
import { pollDelay } from '../packages/proxmox/src/tasks/poll-schedule.js';

const [mode = 'waitTask', origin = '', countText = '1000', concurrencyText = '64'] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const token = { id: 'felhom@pve!bench', secret: '00000000-0000-4000-8000-000000000000' };
const upid = (index: number) =>
  `UPID:pve:0000${(4096 + index).toString(16).toUpperCase()}:00005678:6750A3C1:vzdump:${100 + index}:felhom@pve!bench:`;

/** The same wait with nothing but fetch, JSON.parse and the same schedule and in-flight cap. */
async function plainWait(task: string, acquire: () => Promise<() => void>): Promise<void> {
  const url = `${origin}/api2/json/nodes/pve/tasks/${encodeURIComponent(task)}/status`;
  const headers = { authorization: `PVEAPIToken=${token.id}=${token.secret}`, accept: 'application/json' };
  const started = performance.now();
  for (;;) {
    const release = await acquire();
    let status: string;
    try {
      const response = await fetch(url, { headers });
      status = (JSON.parse(await response.text()) as { data: { status: string } }).data.status;
    } finally {
      release();
    }
    if (status === 'stopped') return;
    await new Promise((resolve) => setTimeout(resolve, pollDelay(performance.now() - started, 200, 5_000)));
  }
}

function semaphore(limit: number): () => Promise<() => void> {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    active--;
    waiting.shift()?.();
  };
  return () =>
    new Promise((resolve) => {
      const grant = (): void => {
        active++;
        resolve(release);
      };
      if (active < limit) grant();
      else waiting.push(grant);
    });
}

const started = performance.now();
if (mode === 'waitTask') {
  const client = new ProxmoxClient({ baseUrl: origin, token, concurrency });
  await Promise.all(Array.from({ length: count }, (_, index) => client.waitTask(upid(index))));
  await client.close();
} else {
  const acquire = semaphore(concurrency);
  await Promise.all(Array.from({ length: count }, (_, index) => plainWait(upid(index), acquire)));
}
console.log(
  JSON.stringify({
    mode,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    seconds: (performance.now() - started) / 1000,
  }),
);
