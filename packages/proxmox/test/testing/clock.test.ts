import { formatUPID, ProxmoxClient, parseUPID, type UPID } from '@felhom/proxmox';
import { SIM_AGENT_TOKEN_ID, SIM_AGENT_TOKEN_SECRET, SimulatedCluster } from '@felhom/proxmox/testing';
import { createSimulatorHandlers } from '@felhom/proxmox/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The simulator as a consumer's test drives it: the public client through msw, with vitest's fake
// timers set to whatever date the test likes. Every time the cluster produces must be a valid PVE
// value on any such date, and must follow the fake clock.

const BASE = 'https://pve.clock.test:8006';
const server = setupServer();
const DAY_MS = 86_400_000;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

function connect(cluster: SimulatedCluster): ProxmoxClient {
  server.resetHandlers(...createSimulatorHandlers(cluster, { baseUrl: BASE }));
  return new ProxmoxClient({
    baseUrl: BASE,
    token: { id: SIM_AGENT_TOKEN_ID, secret: SIM_AGENT_TOKEN_SECRET },
    retry: { limit: 0 },
  });
}

/** Waits for a task while fake time passes, and returns its result. */
async function waitWithFakeTime(client: ProxmoxClient, upid: UPID) {
  const done = client.waitTask(upid);
  await vi.advanceTimersByTimeAsync(60_000);
  return done;
}

/** What a UPID must be on every date: it parses, formats back byte for byte and names its start. */
function expectValidUpid(upid: UPID, startedAt: number): void {
  expect(upid.raw).toMatch(
    /^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vzsnapshot:100:felhom@pve!agent:$/,
  );
  expect(parseUPID(upid.raw)).toEqual(upid);
  expect(formatUPID(upid)).toBe(upid.raw);
  expect(upid.starttime.getTime()).toBe(Math.floor(startedAt / 1000) * 1000);
}

describe.each([
  ['2020-01-01T00:00:00Z', 'before the code was written'],
  ['2040-01-01T00:00:00Z', 'far in the future'],
])('with fake timers at %s (%s)', (date) => {
  it('hands out valid, round-tripping UPIDs whose times follow the fake clock', async () => {
    vi.useFakeTimers({ now: new Date(date) });
    const cluster = new SimulatedCluster();
    const client = connect(cluster);

    const upid = await client.snapshot('pve1', 100, { name: 'fake-clock' });
    expectValidUpid(upid, Date.parse(date));
    // pstart: the node's uptime (3 days at creation) in clock ticks of 1/100 s.
    expect(upid.pstart).toBe((3 * DAY_MS) / 10);

    const result = await waitWithFakeTime(client, upid);
    expect(result.status).toBe('ok');
    const { snapshots } = await client.listSnapshots('pve1', 100);
    expect(snapshots.find((s) => s.name === 'fake-clock')?.snaptime).toBe(Date.parse(date) / 1000);

    const tasks = await client.listTasks('pve1', { source: 'all' });
    const listed = tasks.find((t) => t.upid === upid.raw);
    expect(listed?.starttime).toBe(Date.parse(date) / 1000);
    // A snapshot runs 0.8 s by default: it ends in the second it started, on a whole-second start.
    expect(listed?.endtime).toBe(Math.floor((Date.parse(date) + 800) / 1000));
  });

  it('seeds backups, snapshots and volumes at times before the fake now, named by those times', async () => {
    vi.useFakeTimers({ now: new Date(date) });
    const cluster = new SimulatedCluster();
    const client = connect(cluster);
    const now = Date.parse(date);

    const backups = await client.storageContent('pve1', 'local', { content: 'backup' });
    expect(backups).toHaveLength(1);
    const backup = backups[0]!;
    const ctime = backup.ctime! * 1000;
    expect(ctime).toBeLessThan(now);
    expect(ctime).toBeGreaterThan(now - 365 * DAY_MS);
    // vzdump names the archive by its start time: YYYY_MM_DD-HH_MM_SS (UTC on the simulated hosts).
    const stamp = new Date(ctime).toISOString().slice(0, 19).replace(/[-:]/g, '_').replace('T', '-');
    expect(backup.volid).toBe(`local:backup/vzdump-lxc-100-${stamp}.tar.zst`);
    expect(backup.volid).toBe(cluster.latestBackup(100)?.volid);

    const [seeded] = (await client.listSnapshots('pve1', 101)).snapshots;
    expect(seeded?.name).toBe('before-upgrade');
    const snaptime = (seeded?.snaptime ?? Number.NaN) * 1000;
    expect(snaptime).toBeLessThan(now);
    expect(snaptime).toBeGreaterThan(now - 365 * DAY_MS);

    const status = await client.nodeStatus('pve1');
    expect(status.uptime).toBe(3 * 86_400);
  });
});

describe('a clock set back after the cluster was made', () => {
  it('keeps uptimes and pstart moving forward while starttime follows the wall clock', async () => {
    const cluster = new SimulatedCluster(); // made on the real clock
    vi.useFakeTimers({ now: Date.now() - 5 * 365 * DAY_MS }); // then the test rewinds five years
    const client = connect(cluster);

    const first = await client.snapshot('pve1', 100, { name: 'rewound' });
    expectValidUpid(first, Date.now());
    await waitWithFakeTime(client, first);
    const second = await client.snapshot('pve1', 100, { name: 'rewound-again' });
    expect(second.pstart).toBeGreaterThanOrEqual(first.pstart + 6000); // 60 s of fake time later
    expect(second.starttime.getTime() - first.starttime.getTime()).toBe(60_000);
    expect((await client.nodeStatus('pve1')).uptime).toBeGreaterThanOrEqual(3 * 86_400 + 60);
  });

  it('keeps a running task running, and ends it after its own duration', async () => {
    let now = Date.now();
    const cluster = new SimulatedCluster({ clock: { now: () => now }, taskDurationMs: 1000 });
    const task = cluster.startTask({
      node: 'pve1',
      type: 'vzstart',
      id: '101',
      user: 'root@pam',
      lines: [],
      outcome: { kind: 'ok' },
      durationMs: 1000,
    });
    now -= DAY_MS; // the wall clock is reset a day back
    cluster.tick();
    expect(task.finished).toBe(false);
    now += 999;
    cluster.tick();
    expect(task.finished).toBe(false);
    now += 1;
    cluster.tick();
    expect(task.finished).toBe(true);
  });
});

describe('a clock outside what PVE can write', () => {
  it.each([
    [-1, 'before 1970'],
    [0x1_0000_0000 * 1000, 'after 2106-02-07'],
    [Number.NaN, 'not a number'],
  ])('is refused with a RangeError naming the reading (%d: %s)', (reading) => {
    expect(() => new SimulatedCluster({ clock: { now: () => reading } })).toThrow(
      new RangeError(
        `the simulated cluster's clock must read a time from 1970-01-01 to 2106-02-07 (ms since the epoch), got ${String(reading)}`,
      ),
    );
  });

  it('accepts the first and the last second a UPID can carry', () => {
    for (const reading of [0, 0xffff_ffff * 1000]) {
      const cluster = new SimulatedCluster({ clock: { now: () => reading } });
      const task = cluster.startTask({
        node: 'pve1',
        type: 'vzstart',
        id: '101',
        user: 'root@pam',
        lines: [],
        outcome: { kind: 'ok' },
        durationMs: 1,
      });
      expect(formatUPID(parseUPID(task.upid))).toBe(task.upid);
      expect(parseUPID(task.upid).starttime.getTime()).toBe(reading);
    }
  });
});
