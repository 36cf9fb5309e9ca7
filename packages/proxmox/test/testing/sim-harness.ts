import {
  SIM_ROOT_TOKEN_ID,
  SIM_ROOT_TOKEN_SECRET,
  type SimRequestLogEntry,
  SimulatedCluster,
  type SimulatedClusterOptions,
} from '@felhom/proxmox/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createSimulatorHandlers } from '../../src/testing/msw.js';
import { formatViolations, validateRequest } from '../support/api-schema.js';
import { apiCaller, enc } from './helpers.js';

/** The root token in header form (no privilege separation: passes every privilege check). */
export const ROOT = `${SIM_ROOT_TOKEN_ID}=${SIM_ROOT_TOKEN_SECRET}`;

/** A finished task as the host reports it. */
export interface FinishedTask {
  readonly type: string;
  readonly exitstatus: string;
  readonly log: string[];
}

/** What a test file drives: the cluster (fresh before each test), raw HTTP calls, its clock. */
export interface SimulatedHost {
  cluster: SimulatedCluster;
  readonly api: ReturnType<typeof apiCaller>;
  /** Moves the cluster's clock on. */
  advance(ms: number): void;
  /** Ends every running task, then reads this one's status and whole log. */
  finish(upid: unknown): Promise<FinishedTask>;
}

/**
 * A simulated cluster behind msw for one test file, on its own clock. After the file, every
 * request the host handled is checked against the official PVE 8.4 and 9.1 schemas (requests the
 * host refused as malformed, with 400, are the tests' deliberate mistakes and are left out).
 */
export function useSimulatedHost(options: () => SimulatedClusterOptions = () => ({})): SimulatedHost {
  const base = 'https://pve.sim.test:8006';
  const server = setupServer();
  const handled: SimRequestLogEntry[] = [];
  let now = Date.now();
  const api = apiCaller(base);
  const host: SimulatedHost = {
    cluster: new SimulatedCluster(),
    api,
    advance: (ms) => {
      now += ms;
    },
    async finish(upid) {
      host.cluster.completeAllTasks();
      const node = String(upid).split(':')[1];
      const status = (await api('GET', `/nodes/${node}/tasks/${enc(upid)}/status`, { token: ROOT })).body
        ?.data as { type: string; exitstatus: string };
      const log = (
        await api('GET', `/nodes/${node}/tasks/${enc(upid)}/log`, { params: { limit: 0 }, token: ROOT })
      ).body?.data as { t: string }[];
      return { type: status.type, exitstatus: status.exitstatus, log: log.map((line) => line.t) };
    },
  };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    now = Date.now();
    host.cluster = new SimulatedCluster({ clock: { now: () => now }, ...options() });
    server.resetHandlers(...createSimulatorHandlers(host.cluster, { baseUrl: base }));
  });
  afterEach(() => {
    handled.push(...host.cluster.requests.filter((r) => r.endpoint !== undefined && r.status !== 400));
    server.resetHandlers();
  });
  afterAll(() => {
    server.close();
    expect(handled.length, 'the file sent requests').toBeGreaterThan(0);
    const violations = handled.flatMap((r) => validateRequest({ ...r, body: r.body }));
    expect(violations, formatViolations(violations)).toEqual([]);
  });
  return host;
}

/** A request's data, typed loosely for assertions. */
export function dataOf<T = Record<string, unknown>>(exchange: { body?: { data?: unknown } | undefined }): T {
  return exchange.body?.data as T;
}
