import {
  APIError,
  InvalidArgumentError,
  parseUPID,
  type TaskLogLine,
  TaskTimeoutError,
} from '@felhom/proxmox';
import { delay, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, caught, newClient, pveData, pveError, server, useMsw } from './support/msw.js';
import { createUPID, statusBody } from './support/task-host.js';

// waitTask's promises, each against a host scripted in time (fake timers): a task is seen
// ending within max(250 ms, 25 % of its run time); a 20-minute task costs about 250 polls; every
// request of the wait ends by its deadline; "no such task" is tolerated for a time, not a count;
// log paging is bounded per poll; a parsed UPID passed back in is checked again.

useMsw();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const base = `${api}/nodes/pve/tasks/${encodeURIComponent(createUPID)}`;

/** A task that runs for `runMs` from now; counts status polls. */
function taskRunningFor(runMs: number) {
  const started = Date.now();
  const polls: number[] = [];
  server.use(
    http.get(`${base}/status`, () => {
      polls.push(Date.now() - started);
      const done = Date.now() - started >= runMs;
      return pveData(statusBody(createUPID, done ? 'stopped' : 'running', 'OK'));
    }),
  );
  return { started, polls };
}

/** Resolves to when `promise` settled, advancing fake time by at most `limit` ms. */
async function settledAfter(promise: Promise<unknown>, limit: number): Promise<number> {
  let at: number | undefined;
  const started = Date.now();
  void promise.then(
    () => {
      at = Date.now();
    },
    () => {
      at = Date.now();
    },
  );
  for (let step = 0; at === undefined && step < limit / 10 + 10; step++)
    await vi.advanceTimersByTimeAsync(10);
  if (at === undefined) throw new Error(`still pending after ${limit} ms`);
  return at - started;
}

describe('a task is seen ending at once, cheaply', () => {
  const runTimes = [50, 120, 400, 800, 1_200, 3_000, 9_000, 45_000, 200_000, 1_200_000];

  it.each(runTimes)('a %d ms task is seen within max(250 ms, 25 % of its run time)', async (runMs) => {
    for (const random of [0, 0.5, 0.999_999]) {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      const { polls } = taskRunningFor(runMs);
      const waited = await settledAfter(newClient().waitTask(createUPID, { timeout: 3_600_000 }), 2_000_000);
      const lag = waited - runMs;
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(Math.max(250, runMs * 0.25));
      if (runMs === 1_200_000) {
        // A 20-minute task: the first 25 s ramp up, then one poll per 5–5.5 s.
        expect(polls.length).toBeLessThanOrEqual(random === 0 ? 260 : 250);
      }
      vi.restoreAllMocks();
    }
  });
});

describe('one deadline for every request of the wait', () => {
  const stall = async () => {
    await delay('infinite');
    return pveData(null);
  };

  it.each([
    ['every poll stalls', () => [http.get(`${base}/status`, stall), http.get(`${base}/log`, stall)]],
    [
      'polls answer "running" but the log tail stalls',
      () => [
        http.get(`${base}/status`, () => pveData(statusBody(createUPID, 'running'))),
        http.get(`${base}/log`, stall),
      ],
    ],
    [
      'the progress log reads stall',
      () => [
        http.get(`${base}/status`, () => pveData(statusBody(createUPID, 'running'))),
        http.get(`${base}/log`, stall),
      ],
    ],
  ])('%s: TaskTimeoutError at the deadline, whatever the client timeout', async (title, handlers) => {
    server.use(...handlers());
    for (const clientTimeout of [5_000, 30_000]) {
      const client = newClient({ timeout: clientTimeout });
      const onProgress = title.includes('progress') ? () => undefined : undefined;
      const pending = caught(() =>
        client.waitTask(createUPID, { timeout: 2_000, ...(onProgress ? { onProgress } : {}) }),
      );
      const waited = await settledAfter(pending, 120_000);
      expect(await pending).toBeInstanceOf(TaskTimeoutError);
      expect(waited).toBeLessThanOrEqual(2_000 + 200);
    }
  });

  it('a failed task whose log tail stalls still settles by the deadline, as TaskError', async () => {
    server.use(
      http.get(`${base}/status`, () => pveData(statusBody(createUPID, 'stopped', 'job errors'))),
      http.get(`${base}/log`, stall),
    );
    const pending = caught(() => newClient().waitTask(createUPID, { timeout: 2_000 }));
    const waited = await settledAfter(pending, 120_000);
    expect(((await pending) as Error).name).toBe('TaskError');
    expect(waited).toBeLessThanOrEqual(2_200);
  });
});

describe('"no such task" is tolerated for a time, not for a number of polls', () => {
  const noSuchTask = () =>
    pveError(400, 'Parameter verification failed.', { modern: true, errors: { upid: 'no such task' } });

  it('many polls within unknownTaskGrace are fine', async () => {
    const started = Date.now();
    let polls = 0;
    server.use(
      http.get(`${base}/status`, () => {
        polls++;
        if (Date.now() - started < 8_000) return noSuchTask();
        return pveData(statusBody(createUPID, 'stopped', 'OK'));
      }),
    );
    const pending = newClient({ retry: { limit: 0 } }).waitTask(createUPID);
    await settledAfter(pending, 20_000);
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
    expect(polls).toBeGreaterThan(10);
  });

  it('past unknownTaskGrace the 400 is thrown', async () => {
    server.use(http.get(`${base}/status`, () => noSuchTask()));
    const pending = caught(() =>
      newClient({ retry: { limit: 0 } }).waitTask(createUPID, { unknownTaskGrace: 3_000 }),
    );
    const waited = await settledAfter(pending, 20_000);
    expect(await pending).toBeInstanceOf(APIError);
    expect(waited).toBeGreaterThanOrEqual(3_000);
    expect(waited).toBeLessThanOrEqual(3_000 * 1.3);
  });
});

describe('log paging is bounded per call', () => {
  /** A log host that always has more: every page is full and `total` keeps growing. */
  function endlessLog() {
    const requests: string[] = [];
    server.use(
      http.get(`${base}/log`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const start = Number(query.get('start'));
        requests.push(`${start},${query.get('limit')}`);
        // Ignores `limit`: always 500 lines, and a total far beyond them.
        const page = Array.from({ length: 500 }, (_, index) => ({
          n: start + index + 1,
          t: `line ${start + index + 1}`,
        }));
        return pveData(page, start + 1_000_000);
      }),
    );
    return requests;
  }

  it('onProgress gets at most 10 pages per poll', async () => {
    const requests = endlessLog();
    let polls = 0;
    server.use(
      http.get(`${base}/status`, () => {
        polls++;
        return pveData(statusBody(createUPID, polls >= 3 ? 'stopped' : 'running', 'OK'));
      }),
    );
    const batches: number[] = [];
    const pending = newClient().waitTask(createUPID, {
      onProgress: ({ lines }) => batches.push(lines.length),
    });
    await settledAfter(pending, 60_000);
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
    expect(batches).toEqual([5_000, 5_000, 5_000]);
    expect(requests).toHaveLength(30);
  });

  it('taskLogTail returns exactly the lines asked for', async () => {
    endlessLog();
    const pending = newClient().taskLogTail(createUPID, 20);
    await settledAfter(pending, 10_000);
    const tail = (await pending) as TaskLogLine[];
    expect(tail).toHaveLength(20);
    expect(tail[0]?.lineNo).toBe(1_000_000 - 20 + 1);
  });
});

describe('a parsed UPID passed back in', () => {
  it.each([
    ['another node', { node: 'pve2' }],
    ['a path in the node', { node: '../../access' }],
    ['another type', { type: 'vzdump' }],
    ['a starttime that is not a Date', { starttime: 1 as unknown as Date }],
  ])('with %s than its raw string is refused before any request', async (_title, change) => {
    const tampered = { ...parseUPID(createUPID), ...change };
    const error = (await caught(() => newClient().waitTask(tampered))) as InvalidArgumentError;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.parameter).toBe('upid');
    expect(await caught(() => newClient().taskStatusOnce(tampered))).toBeInstanceOf(InvalidArgumentError);
  });

  it('with a raw string that does not parse is refused', async () => {
    const tampered = { ...parseUPID(createUPID), raw: 'UPID:pve:nonsense:' };
    expect((await caught(() => newClient().taskLogTail(tampered, 5))) as Error).toMatchObject({
      reason: 'invalid-argument',
    });
  });

  it('unchanged is used as given', async () => {
    server.use(http.get(`${base}/status`, () => pveData(statusBody(createUPID, 'stopped', 'OK'))));
    const pending = newClient().waitTask(parseUPID(createUPID));
    await settledAfter(pending, 1_000);
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
  });
});
