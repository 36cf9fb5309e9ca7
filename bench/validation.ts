/**
 * What response validation costs, measured in one interleaved run so that machine load hits
 * every figure alike:
 *
 * (a) `client.listLXC('pve')` (request + validation of 1000 guests) against
 *     `client.request('GET', '/nodes/pve/lxc')` (the same request, unvalidated). Target ≤ 1.10.
 * (b) the same `listLXC` against raw `fetch` + `JSON.parse`. Target ≤ 1.15.
 * (c) `JSON.parse` + `parseFreshResponse(clusterResourcesSchema, …)` (what the client runs) of a 10 000-entry
 *     `/cluster/resources` body against `JSON.parse` alone. Target ≤ 1.2.
 * (d) `parseFreshResponse(lxcListSchema, …)` alone on lists of 10 to 10 000 guests, in µs per 1000
 *     guests: the cost should grow linearly with the list.
 *
 * Every round runs each variant once, in an order that rotates from round to round; the ratios
 * are per round (each variant against its baseline in the same round), reported as the median
 * with the 10th–90th percentile spread. One list of each kind from the previous round is kept
 * alive:
 * when every object of a hidden class dies, a full GC frees the class and with it the optimised
 * code of the checker, and re-optimising would dominate the small lists.
 *
 * Run: npx tsx bench/validation.ts [rounds] [callsPerRound]
 * Not a test: nothing here asserts a time. The figures go to docs/performance.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clusterResourcesSchema, lxcListSchema } from '../packages/proxmox/src/entries/schemas.js';
import { ProxmoxClient } from '../packages/proxmox/src/index.js';
import { parseFreshResponse } from '../packages/proxmox/src/schemas/parse.js';
import { clusterResources } from './cluster-body.js';
import { guest } from './lxc-body.js';

const rounds = Number(process.argv[2] ?? 30);
const callsPerRound = Number(process.argv[3] ?? 30);
const guests = 1000;
const clusterEntries = 10_000;
const clusterRepeats = 5;
const linearSizes = [10, 100, 1000, 10_000] as const;
/** Guests validated per size and round: enough for a round of the small lists to be timed. */
const linearGuestsPerRound = 20_000;

const lxcText = JSON.stringify({ data: Array.from({ length: guests }, (_, index) => guest(index)) });
const clusterText = JSON.stringify(clusterResources(clusterEntries));
const listTexts = new Map<number, string>(
  linearSizes.map((size) => [size, JSON.stringify(Array.from({ length: size }, (_, index) => guest(index)))]),
);

const server = createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(lxcText),
  });
  response.end(lxcText);
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const token = { id: 'felhom@pve!bench', secret: '00000000-0000-4000-8000-000000000000' };
const client = new ProxmoxClient({ baseUrl, token, concurrency: 1 });
const rawInit: RequestInit = {
  headers: { authorization: `PVEAPIToken=${token.id}=${token.secret}`, accept: 'application/json' },
};

/** Data the previous round produced, kept alive on purpose (see the header). */
let kept: unknown[] = [];
let keeping: unknown[] = [];

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

async function timed(run: () => Promise<void> | void): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function expectGuests(count: number): void {
  if (count !== guests) throw new Error(`expected ${guests} guests, got ${count}`);
}

const variants = {
  async raw() {
    for (let call = 0; call < callsPerRound; call++) {
      const response = await fetch(`${baseUrl}/api2/json/nodes/pve/lxc`, rawInit);
      expectGuests((JSON.parse(await response.text()) as { data: unknown[] }).data.length);
    }
  },
  async request() {
    for (let call = 0; call < callsPerRound; call++) {
      expectGuests((await client.request<unknown[]>('GET', '/nodes/pve/lxc')).data.length);
    }
  },
  async listLXC() {
    for (let call = 0; call < callsPerRound; call++) {
      const list = await client.listLXC('pve');
      expectGuests(list.length);
      if (call === 0) keeping.push(list);
    }
  },
  clusterParse() {
    for (let repeat = 0; repeat < clusterRepeats; repeat++) {
      const data: unknown = JSON.parse(clusterText);
      if (repeat === 0) keeping.push(data);
    }
  },
  clusterValidate() {
    for (let repeat = 0; repeat < clusterRepeats; repeat++) {
      const data = parseFreshResponse(
        clusterResourcesSchema,
        JSON.parse(clusterText),
        'GET /cluster/resources',
      );
      if (repeat === 0) keeping.push(data);
    }
  },
} satisfies Record<string, () => Promise<void> | void>;
type Variant = keyof typeof variants;
const order = Object.keys(variants) as Variant[];

/**
 * Validation alone, µs per 1000 guests: each list is parsed (not timed) and validated at once,
 * as the client does, so the young generation holds one list at a time and the collector's
 * work is the same as a client call's.
 */
function linearRound(size: number): number {
  const text = listTexts.get(size) as string;
  const lists = Math.ceil(linearGuestsPerRound / size);
  let elapsed = 0;
  let list: unknown;
  for (let index = 0; index < lists; index++) {
    list = JSON.parse(text);
    const started = performance.now();
    parseFreshResponse(lxcListSchema, list, 'GET /nodes/pve/lxc');
    elapsed += performance.now() - started;
  }
  keeping.push(list);
  return ((elapsed * 1000) / (lists * size)) * 1000;
}

const timings = new Map<Variant, Timing[]>(order.map((name) => [name, []]));
const linear = new Map<number, number[]>(linearSizes.map((size) => [size, []]));
const loadBefore = loadavg();

async function round(index: number, record: boolean): Promise<void> {
  keeping = [];
  for (let step = 0; step < order.length; step++) {
    const name = order[(index + step) % order.length] as Variant;
    const timing = await timed(variants[name]);
    if (record) timings.get(name)?.push(timing);
  }
  for (const size of linearSizes) {
    const perThousand = linearRound(size);
    if (record) linear.get(size)?.push(perThousand);
  }
  kept = keeping;
}

// Warm-up: JIT, the connection, the client's first request.
for (let index = 0; index < 3; index++) await round(index, false);
for (let index = 0; index < rounds; index++) await round(index, true);
const loadAfter = loadavg();
await client.close();
server.close();
server.closeAllConnections();

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] ?? Number.NaN;
  return lowValue + ((sorted[high] ?? lowValue) - lowValue) * (position - low);
}
const spread = (values: readonly number[], digits: number) =>
  `${quantile(values, 0.5).toFixed(digits)} (p10–p90 ${quantile(values, 0.1).toFixed(digits)}–${quantile(values, 0.9).toFixed(digits)})`;
const series = (name: Variant) => timings.get(name) ?? [];
const ratios = (name: Variant, baseline: Variant, field: keyof Timing) =>
  series(name).map((timing, index) => timing[field] / (series(baseline)[index]?.[field] ?? Number.NaN));
const perCall = (name: Variant, calls: number) =>
  spread(
    series(name).map((timing) => timing.wall / calls),
    2,
  );
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');

console.log(
  `node ${process.version}, ${process.platform}/${process.arch}; ${rounds} interleaved rounds (after 3 warm-up rounds), ${callsPerRound} calls per client variant per round`,
);
console.log(`load average before ${load(loadBefore)}, after ${load(loadAfter)}`);
console.log(
  `lxc body ${(lxcText.length / 1024).toFixed(0)} KiB (${guests} guests); cluster body ${(clusterText.length / 1024 / 1024).toFixed(2)} MiB (${clusterEntries} entries)`,
);
console.log('');
console.log(`ms per call: raw ${perCall('raw', callsPerRound)}`);
console.log(`             request ${perCall('request', callsPerRound)}`);
console.log(`             listLXC ${perCall('listLXC', callsPerRound)}`);
console.log(`ms per cluster body: JSON.parse ${perCall('clusterParse', clusterRepeats)}`);
console.log(`                     JSON.parse + validation ${perCall('clusterValidate', clusterRepeats)}`);
console.log('');
console.log('median of paired round ratios (p10–p90):');
console.log(
  `(a) listLXC / request       wall ${spread(ratios('listLXC', 'request', 'wall'), 3)}, CPU ${spread(ratios('listLXC', 'request', 'cpu'), 3)} (target ≤ 1.10)`,
);
console.log(
  `(b) listLXC / raw fetch     wall ${spread(ratios('listLXC', 'raw', 'wall'), 3)}, CPU ${spread(ratios('listLXC', 'raw', 'cpu'), 3)} (target ≤ 1.15)`,
);
console.log(
  `(c) cluster parse+validate / parse  wall ${spread(ratios('clusterValidate', 'clusterParse', 'wall'), 3)} (target ≤ 1.2)`,
);
console.log('');
console.log('(d) parseFreshResponse(lxcListSchema) alone, µs per 1000 guests, median (p10–p90):');
for (const size of linearSizes)
  console.log(`  ${String(size).padStart(6)} guests: ${spread(linear.get(size) ?? [], 0)}`);
if (kept.length === 0) throw new Error('nothing was kept alive');
