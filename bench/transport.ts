/**
 * Transport overhead: `client.request` against raw `fetch` + `JSON.parse` for the same GET of a
 * 1000-guest `/nodes/pve/lxc` list, served by a loopback HTTP server, in one process. Rounds of
 * the two alternate after a warm-up so drift (GC, CPU frequency, other load) hits both alike.
 *
 * Run: npx tsx bench/transport.ts [rounds] [callsPerRound] [guests]
 * Not a test: nothing here asserts a time. The numbers go to docs/performance.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { ProxmoxClient } from '@felhom/proxmox';

const rounds = Number(process.argv[2] ?? 40);
const callsPerRound = Number(process.argv[3] ?? 50);
const guests = Number(process.argv[4] ?? 1000);
const token = { id: 'felhom@pve!bench', secret: '00000000-0000-4000-8000-000000000000' };

/** One guest as `GET /nodes/{node}/lxc` lists it on PVE 9 (pve-facts.md §4). */
function guest(index: number): Record<string, unknown> {
  const vmid = 100 + index;
  const running = index % 3 !== 0;
  const base: Record<string, unknown> = {
    vmid,
    name: `ct-${vmid}.felhom.internal`,
    status: running ? 'running' : 'stopped',
    type: 'lxc',
    cpus: 2,
    cpu: running ? 0.0123 * (index % 7) : 0,
    mem: running ? 268_435_456 + index * 4096 : 0,
    maxmem: 1_073_741_824,
    swap: 0,
    maxswap: 536_870_912,
    disk: 1_234_567_890 + index,
    maxdisk: 8_589_934_592,
    diskread: 987_654_321,
    diskwrite: 123_456_789,
    netin: 55_443_322,
    netout: 11_223_344,
    uptime: running ? 86_400 + index : 0,
    tags: index % 2 === 0 ? 'felhom;prod' : 'felhom',
  };
  if (running) {
    Object.assign(base, {
      pid: 40_000 + index,
      pressurecpusome: 0.12,
      pressurecpufull: 0,
      pressureiosome: 0.05,
      pressureiofull: 0.01,
      pressurememorysome: 0,
      pressurememoryfull: 0,
    });
  }
  if (index % 50 === 0) base.lock = 'backup';
  return base;
}

const body = JSON.stringify({ data: Array.from({ length: guests }, (_, index) => guest(index)) });

async function main(): Promise<void> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json;charset=UTF-8',
      'content-length': Buffer.byteLength(body),
      server: 'pve-api-daemon/3.0',
    });
    response.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/api2/json/nodes/pve/lxc`;
  const authorization = `PVEAPIToken=${token.id}=${token.secret}`;

  const client = new ProxmoxClient({ baseUrl, token, concurrency: 1 });

  const raw = async (): Promise<number> => {
    const response = await fetch(url, { headers: { authorization, accept: 'application/json' } });
    const parsed = JSON.parse(await response.text()) as { data: unknown[] };
    return parsed.data.length;
  };
  const viaClient = async (): Promise<number> => {
    const { data } = await client.request<unknown[]>('GET', '/nodes/pve/lxc');
    return data.length;
  };

  /** Runs one round; returns wall-clock and CPU (user+system) milliseconds. */
  async function round(call: () => Promise<number>): Promise<{ wall: number; cpu: number }> {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let index = 0; index < callsPerRound; index++) {
      if ((await call()) !== guests) throw new Error('wrong body');
    }
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { wall, cpu: (cpu.user + cpu.system) / 1000 };
  }

  // Warm-up: JIT, connection pool, the client's first request.
  await round(raw);
  await round(viaClient);

  const rawRounds: Array<{ wall: number; cpu: number }> = [];
  const clientRounds: Array<{ wall: number; cpu: number }> = [];
  for (let index = 0; index < rounds; index++) {
    // Alternate which goes first so neither always runs on a freshly collected heap.
    if (index % 2 === 0) {
      rawRounds.push(await round(raw));
      clientRounds.push(await round(viaClient));
    } else {
      clientRounds.push(await round(viaClient));
      rawRounds.push(await round(raw));
    }
  }
  server.close();
  server.closeAllConnections();

  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  };
  const rate = (ms: number) => (callsPerRound / ms) * 1000;
  // Paired ratios: each client round against the raw round next to it, so load changes on a
  // shared machine cancel out; the median of those is the headline figure.
  const wallRatios = clientRounds.map((round, index) => round.wall / (rawRounds[index]?.wall ?? Number.NaN));
  const cpuRatios = clientRounds.map((round, index) => round.cpu / (rawRounds[index]?.cpu ?? Number.NaN));
  const row = (name: string, data: Array<{ wall: number; cpu: number }>) => {
    const rates = data.map((entry) => rate(entry.wall));
    const cpuPerCall = median(data.map((entry) => entry.cpu / callsPerRound));
    return `| ${name.padEnd(24)} | ${median(rates).toFixed(1).padStart(16)} | ${Math.min(...rates)
      .toFixed(1)
      .padStart(8)} | ${Math.max(...rates)
      .toFixed(1)
      .padStart(8)} | ${cpuPerCall.toFixed(2).padStart(15)} |`;
  };
  console.log(
    `body: ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB, ${guests} guests; ${rounds} rounds × ${callsPerRound} calls each, sequential, interleaved`,
  );
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('');
  console.log('| variant                  | calls/s (median) |      min |      max | CPU ms per call |');
  console.log('|--------------------------|------------------|----------|----------|-----------------|');
  console.log(row('raw fetch + JSON.parse', rawRounds));
  console.log(row('ProxmoxClient.request', clientRounds));
  console.log('');
  console.log(
    `time ratio client/raw, median of paired rounds: wall ${median(wallRatios).toFixed(3)}, CPU ${median(cpuRatios).toFixed(3)} (target ≤ 1.10)`,
  );
}

await main();
