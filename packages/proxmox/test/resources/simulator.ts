import { ProxmoxClient, type ProxmoxClientOptions } from '@felhom/proxmox';
import {
  SIM_AGENT_TOKEN_ID,
  SIM_AGENT_TOKEN_SECRET,
  SimulatedCluster,
  type SimulatedClusterOptions,
} from '@felhom/proxmox/testing';
import { createSimulatorHandlers } from '@felhom/proxmox/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { formatViolations, validateRequest } from '../support/api-schema.js';
import { type RecordedRequest, recordRequests } from '../support/record-requests.js';

/** The origin the msw-backed tests give the client (msw answers before any DNS lookup). */
export const BASE = 'https://pve.sim.test:8006';

/** The agent token of every simulated cluster (the FelhomAgent role on `/`). */
export const agentToken = { id: SIM_AGENT_TOKEN_ID, secret: SIM_AGENT_TOKEN_SECRET } as const;

/** What a test file works with; fields are replaced before each test. */
export interface SimulatorContext {
  cluster: SimulatedCluster;
  /** A client of the agent token, retries off (one request per call, easy to count). */
  client: ProxmoxClient;
  /** A client of another token of the cluster. */
  clientFor(id: string, secret: string, options?: Partial<ProxmoxClientOptions>): ProxmoxClient;
}

/**
 * The simulated cluster behind msw for one test file (a fresh cluster before each test), and a
 * suite-level check: every request the client sent in the file must pass the official PVE 8.4
 * and 9.1 API schema (parameter names, types, enums, formats, required parameters). The check
 * runs in `afterAll` and fails the file on any violation.
 */
export function useSimulator(options: () => SimulatedClusterOptions = () => ({})): SimulatorContext {
  const server = setupServer();
  const seen: RecordedRequest[] = [];
  let recorder: ReturnType<typeof recordRequests> | undefined;
  const context = {} as SimulatorContext;
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    recorder = recordRequests(server);
  });
  beforeEach(() => {
    const cluster = new SimulatedCluster(options());
    context.cluster = cluster;
    server.resetHandlers(...createSimulatorHandlers(cluster, { baseUrl: BASE }));
    context.clientFor = (id, secret, overrides = {}) =>
      new ProxmoxClient({ baseUrl: BASE, token: { id, secret }, retry: { limit: 0 }, ...overrides });
    context.client = context.clientFor(agentToken.id, agentToken.secret);
  });
  afterEach(async () => {
    seen.push(...((await recorder?.settled()) ?? []));
    recorder?.clear();
  });
  afterAll(() => {
    recorder?.stop();
    server.close();
    expect(seen.length, 'the suite sent requests').toBeGreaterThan(0);
    assertRequestsConform(seen);
  });
  return context;
}

/**
 * Fails (an assertion error listing every violation) unless each request conforms to its
 * endpoint in the PVE 8.4 and 9.1 API schema.
 */
export function assertRequestsConform(requests: readonly RecordedRequest[]): void {
  const violations = requests.flatMap((request) => validateRequest(request));
  expect(violations, formatViolations(violations)).toEqual([]);
}

/** Runs `action` and returns what it threw (fails the test if it did not throw). */
export async function caught(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
