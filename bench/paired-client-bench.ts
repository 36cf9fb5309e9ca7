/**
 * The harness the client benchmarks share: a loopback HTTP server (or an HTTPS one whose
 * certificate the client pins and raw fetch trusts as its CA) answers every request with the
 * same `/nodes/pve/lxc` body (bench/lxc-body.ts); rounds of raw `fetch` + `JSON.parse` and of a
 * client call alternate after a warm-up (order flipped every round, so drift from GC, CPU
 * frequency or other load hits both alike), and the headline is the median of the paired
 * per-round time ratios. Command-line arguments: [rounds] [callsPerRound] [guests].
 * Not a test: nothing here asserts a time. The numbers go to docs/performance.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { ProxmoxClient } from '@felhom/proxmox';
import { makeSelfSignedCertificate } from '../packages/proxmox/src/testing/https/certificate.js';
import { guest } from './lxc-body.js';

// undici's Agent class, from the SDK's own pinned copy and without undici's global side effects.
const requireFromSdk = createRequire(new URL('../packages/proxmox/package.json', import.meta.url));
/** The part of undici's Agent the benchmark uses. */
interface RawAgent {
  close(): Promise<unknown>;
}
const UndiciAgent = requireFromSdk('undici/lib/dispatcher/agent.js') as new (options: {
  connections: number;
  connect: { ca: string };
}) => RawAgent;

/** What one benchmark measures: a label and the client call that must return the guest count. */
export interface PairedClientBench {
  /** Row and ratio label, e.g. `ProxmoxClient.listLXC`. */
  readonly label: string;
  /** One call through the client; resolves to the number of guests it received. */
  readonly call: (client: ProxmoxClient) => Promise<number>;
  /**
   * `http`: plain HTTP, both sides through Node's own dispatcher. `pinned`: HTTPS on 127.0.0.1,
   * the client pinning the certificate, raw fetch trusting it as a CA through an undici Agent
   * of the same version (both keep the connection alive).
   * @default 'http'
   */
  readonly transport?: 'http' | 'pinned';
  /** Guests in the body when no argument says otherwise. @default 1000 */
  readonly defaultGuests?: number;
  /** Calls per round when no argument says otherwise (more for tiny bodies, so a round is long enough to time). @default 50 */
  readonly defaultCallsPerRound?: number;
}

interface Round {
  readonly wall: number;
  readonly cpu: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Runs the benchmark with the process's command-line arguments and prints its table. */
export async function runPairedClientBench(bench: PairedClientBench): Promise<void> {
  const rounds = Number(process.argv[2] ?? 40);
  const callsPerRound = Number(process.argv[3] ?? bench.defaultCallsPerRound ?? 50);
  const guests = Number(process.argv[4] ?? bench.defaultGuests ?? 1000);
  const pinned = bench.transport === 'pinned';
  const token = { id: 'felhom@pve!bench', secret: '00000000-0000-4000-8000-000000000000' };
  const body = JSON.stringify({ data: Array.from({ length: guests }, (_, index) => guest(index)) });

  const answer = (_request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(200, {
      'content-type': 'application/json;charset=UTF-8',
      'content-length': Buffer.byteLength(body),
      server: 'pve-api-daemon/3.0',
    });
    response.end(body);
  };
  const certificate = pinned ? await makeSelfSignedCertificate('pve') : undefined;
  const server = certificate
    ? createHttpsServer({ key: certificate.privateKeyPem, cert: certificate.certificatePem }, answer)
    : createServer(answer);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `${pinned ? 'https' : 'http'}://127.0.0.1:${port}`;
  const url = `${baseUrl}/api2/json/nodes/pve/lxc`;
  const authorization = `PVEAPIToken=${token.id}=${token.secret}`;
  const client = new ProxmoxClient({
    baseUrl,
    token,
    concurrency: 1,
    ...(certificate ? { tls: { fingerprint: certificate.fingerprint256 } } : {}),
  });
  const rawAgent = certificate
    ? new UndiciAgent({ connections: 1, connect: { ca: certificate.certificatePem } })
    : undefined;
  // The undici 7 Agent is not in @types/node's RequestInit; fetch reads it at run time.
  const rawInit = {
    headers: { authorization, accept: 'application/json' },
    ...(rawAgent ? { dispatcher: rawAgent } : {}),
  } as unknown as RequestInit;

  const raw = async (): Promise<number> => {
    const response = await fetch(url, rawInit);
    const parsed = JSON.parse(await response.text()) as { data: unknown[] };
    return parsed.data.length;
  };
  const viaClient = (): Promise<number> => bench.call(client);

  /** Runs one round; returns wall-clock and CPU (user+system) milliseconds. */
  async function round(call: () => Promise<number>): Promise<Round> {
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
  const rawRounds: Round[] = [];
  const clientRounds: Round[] = [];
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
  await client.close();
  await rawAgent?.close();
  server.close();
  server.closeAllConnections();

  const rate = (ms: number) => (callsPerRound / ms) * 1000;
  // Paired ratios: each client round against the raw round next to it, so load changes on a
  // shared machine cancel out; the median of those is the headline figure.
  const wallRatios = clientRounds.map((r, index) => r.wall / (rawRounds[index]?.wall ?? Number.NaN));
  const cpuRatios = clientRounds.map((r, index) => r.cpu / (rawRounds[index]?.cpu ?? Number.NaN));
  const row = (name: string, data: readonly Round[]) => {
    const rates = data.map((entry) => rate(entry.wall));
    const cpuPerCall = median(data.map((entry) => entry.cpu / callsPerRound));
    const cell = (value: number, width: number) => value.toFixed(1).padStart(width);
    return `| ${name.padEnd(24)} | ${cell(median(rates), 16)} | ${cell(Math.min(...rates), 8)} | ${cell(Math.max(...rates), 8)} | ${cpuPerCall.toFixed(2).padStart(15)} |`;
  };
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(
    `${pinned ? 'HTTPS, client pinned, raw fetch via an undici Agent trusting the certificate' : 'plain HTTP'}; body: ${(Buffer.byteLength(body) / 1024).toFixed(2)} KiB, ${guests} guest${guests === 1 ? '' : 's'}; ${rounds} rounds × ${callsPerRound} calls each, sequential, interleaved`,
  );
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load}`);
  console.log('');
  console.log('| variant                  | calls/s (median) |      min |      max | CPU ms per call |');
  console.log('|--------------------------|------------------|----------|----------|-----------------|');
  console.log(row('raw fetch + JSON.parse', rawRounds));
  console.log(row(bench.label, clientRounds));
  console.log('');
  console.log(
    `time ratio ${bench.label}/raw, median of paired rounds: wall ${median(wallRatios).toFixed(3)}, CPU ${median(cpuRatios).toFixed(3)} (target ≤ 1.10)`,
  );
}
