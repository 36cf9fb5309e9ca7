/**
 * Validation alone vs JSON.parse alone on a 10 000-entry `GET /cluster/resources` body.
 * Target: validation ≤ 1.5 × JSON.parse. Run: `npx tsx bench/validation.ts`.
 *
 * Rounds are interleaved (parse, validate, parse, validate, …) so CPU frequency changes and
 * other load on the machine hit both sides alike; the ratio is of the medians.
 */
import { performance } from 'node:perf_hooks';
import {
  clusterResourcesSchema,
  lxcListSchema,
  parseResponse,
} from '../packages/proxmox/src/entries/schemas.js';

const ENTRIES = 10_000;
const ROUNDS = Number(process.env.ROUNDS ?? 40);

/** A cluster of 10 nodes: mostly guests (as on a busy cluster), plus storages and pools. */
function clusterBody(): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; out.length < ENTRIES; i++) {
    const node = `pve${i % 10}`;
    const kind = i % 20;
    if (kind < 12) {
      out.push({
        id: `lxc/${100 + i}`,
        type: 'lxc',
        vmid: 100 + i,
        name: `ct-${i}`,
        node,
        status: i % 3 === 0 ? 'stopped' : 'running',
        template: 0,
        tags: 'prod;web',
        cpu: 0.0123,
        maxcpu: 2,
        mem: 201326592,
        maxmem: 1073741824,
        disk: 1288490188,
        maxdisk: 8589934592,
        diskread: 104857600,
        diskwrite: 52428800,
        netin: 123456,
        netout: 654321,
        uptime: 3600,
      });
    } else if (kind < 18) {
      out.push({
        id: `qemu/${100 + i}`,
        type: 'qemu',
        vmid: 100 + i,
        name: `vm-${i}`,
        node,
        status: 'running',
        template: 0,
        hastate: 'started',
        cpu: 0.2,
        maxcpu: 4,
        mem: 4294967296,
        maxmem: 8589934592,
        memhost: 4294967296,
        disk: 0,
        maxdisk: 68719476736,
        diskread: 1,
        diskwrite: 2,
        netin: 3,
        netout: 4,
        uptime: 7200,
      });
    } else if (kind === 18) {
      out.push({
        id: `storage/${node}/local-${i}`,
        type: 'storage',
        storage: `local-${i}`,
        node,
        status: 'available',
        plugintype: 'dir',
        content: 'iso,vztmpl,backup',
        shared: 0,
        disk: 9876543210,
        maxdisk: 100861726720,
      });
    } else {
      out.push({ id: `pool/pool-${i}`, type: 'pool', pool: `pool-${i}` });
    }
  }
  return out;
}

/** A node's container list as PVE 9 sends it: running guests carry pid and pressure fields. */
function lxcListBody(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    vmid: 100 + i,
    name: `ct-${i}`,
    status: i % 3 === 0 ? 'stopped' : 'running',
    type: 'lxc',
    tags: 'prod;web',
    cpus: 2,
    cpu: 0.0041,
    mem: 201326592,
    maxmem: 1073741824,
    swap: 0,
    maxswap: 536870912,
    disk: 1288490188,
    maxdisk: 8589934592,
    diskread: 104857600,
    diskwrite: 52428800,
    netin: 123456,
    netout: 654321,
    uptime: 3600,
    ...(i % 3 === 0
      ? {}
      : { pid: 10000 + i, pressurecpusome: 0, pressureiosome: 0.12, pressurememorysome: 0 }),
  }));
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Interleaved rounds of JSON.parse alone and parseResponse alone on the same text. */
function measure(
  label: string,
  text: string,
  schema: Parameters<typeof parseResponse>[0],
  target?: number,
): void {
  // Warm up both paths so the JIT has compiled them before measuring.
  for (let i = 0; i < 5; i++) parseResponse(schema, JSON.parse(text), label);
  const parseTimes: number[] = [];
  const validateTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    const data = JSON.parse(text);
    parseTimes.push(performance.now() - start);
    start = performance.now();
    // parseResponse is what the client calls: valibot plus the error mapping (unused here).
    parseResponse(schema, data, label);
    validateTimes.push(performance.now() - start);
  }
  const parseMs = median(parseTimes);
  const validateMs = median(validateTimes);
  console.log(`${label}: ${(text.length / 1024 / 1024).toFixed(2)} MiB, ${ROUNDS} interleaved rounds`);
  console.log(`  JSON.parse alone:  median ${parseMs.toFixed(2)} ms`);
  console.log(`  validation alone:  median ${validateMs.toFixed(2)} ms`);
  const goal = target === undefined ? 'informational' : `target <= ${target}`;
  console.log(`  ratio validation / JSON.parse: ${(validateMs / parseMs).toFixed(2)} (${goal})`);
}

measure(
  `GET /cluster/resources (${ENTRIES} entries)`,
  JSON.stringify(clusterBody()),
  clusterResourcesSchema,
  1.5,
);
// Informational: the schema share of listLXC (the client benchmark's target is end to end).
measure('GET /nodes/{node}/lxc (1000 guests)', JSON.stringify(lxcListBody(1000)), lxcListSchema);
