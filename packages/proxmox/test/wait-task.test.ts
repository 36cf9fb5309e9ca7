import {
  AbortedError,
  APIError,
  parseUPID,
  TaskError,
  type TaskLogLine,
  TaskTimeoutError,
} from '@felhom/proxmox';
import { delay, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught, newClient, pveError, server, useMsw } from './support/msw.js';
import { type Answer, createUPID, scriptTask, statusAnswer } from './support/task-host.js';

useMsw();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const running = () => statusAnswer(createUPID, 'running');
const stopped = (exitstatus = 'OK') => statusAnswer(createUPID, 'stopped', exitstatus);

// Client retries off: these tests are about waitTask's own tolerance, one poll per request.
const client = () => newClient({ retry: { limit: 0 }, timeout: 3_000 });

async function settle<T>(promise: Promise<T>, ms = 120_000): Promise<T> {
  const settled = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.advanceTimersByTimeAsync(ms);
  const result = (await settled) as { value?: T; error?: unknown };
  if ('error' in result) throw result.error;
  return result.value as T;
}

function run(script: readonly Answer[], lines: string[] = []) {
  const { task, handlers } = scriptTask(createUPID, script, lines);
  server.use(...handlers);
  return task;
}

describe('waitTask outcomes', () => {
  it('polls at once, then waits 20 % of the time waited so far (200 ms to 5 s), and resolves OK', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const script = [...Array.from({ length: 30 }, running), stopped()];
    const task = run(script);
    const result = await settle(client().waitTask(createUPID));
    expect(result).toMatchObject({ status: 'ok', exitStatus: 'OK', warnings: 0 });
    expect(result.upid.raw).toBe(createUPID);
    expect(result.task.status).toBe('stopped');
    const start = task.polls[0] ?? 0;
    const times = task.polls.map((time) => time - start);
    expect(times.slice(0, 8)).toEqual([0, 200, 400, 600, 800, 1_000, 1_200, 1_440]);
    // Each wait is 20 % of the elapsed time, capped at 5 s.
    times.slice(1).forEach((time, index) => {
      const previous = times[index] ?? 0;
      // Timers run on whole milliseconds, so each wait may be up to 1 ms short.
      expect(Math.abs(time - previous - Math.min(5_000, Math.max(200, previous * 0.2)))).toBeLessThanOrEqual(
        1,
      );
    });
    expect(Math.max(...times.slice(1).map((time, index) => time - (times[index] ?? 0)))).toBe(5_000);
    vi.restoreAllMocks();
  });

  it.each([
    [0, 1],
    [0.5, 1.05],
    [0.999_999, 1.1],
  ])('lengthens each wait by up to 10 percent (random %s: ×%s)', async (random, factor) => {
    vi.spyOn(Math, 'random').mockReturnValue(random);
    const task = run([running(), running(), running(), stopped()]);
    await settle(client().waitTask(createUPID));
    const gaps = task.polls.slice(1).map((time, index) => time - (task.polls[index] ?? 0));
    for (const gap of gaps) expect(Math.abs(gap - 200 * factor)).toBeLessThan(1.01);
    expect(gaps).toHaveLength(3);
    vi.restoreAllMocks();
  });

  it('makes the first poll at once', async () => {
    const task = run([stopped()]);
    const pending = client().waitTask(createUPID);
    await vi.advanceTimersByTimeAsync(0);
    expect(task.polls).toHaveLength(1);
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
  });

  it('accepts a parsed UPID and polls the node named in it', async () => {
    const upid = 'UPID:pve2:0000C0DE:00ABCDEF:6750A3C1:vzstart:107:felhom@pve!agent:';
    const { task, handlers } = scriptTask(upid, [statusAnswer(upid, 'stopped', 'OK')]);
    server.use(...handlers);
    const result = await settle(client().waitTask(parseUPID(upid)));
    expect(result.status).toBe('ok');
    expect(task.polls).toHaveLength(1);
  });

  it('treats WARNINGS: 2 as success with two warnings', async () => {
    run([running(), stopped('WARNINGS: 2')]);
    const result = await settle(client().waitTask(createUPID));
    expect(result).toMatchObject({ status: 'warning', exitStatus: 'WARNINGS: 2', warnings: 2 });
  });

  it('treats WARNINGS: 2 as failure under failOnWarnings', async () => {
    run([stopped('WARNINGS: 2')], ['WARN: volume is almost full', 'TASK WARNINGS: 2']);
    const error = (await settle(
      caught(() => client().waitTask(createUPID, { failOnWarnings: true })),
    )) as TaskError;
    expect(error).toBeInstanceOf(TaskError);
    expect(error.exitStatus).toBe('WARNINGS: 2');
    expect(error.reason).toBe('task-failed');
    expect(error.logTail).toEqual(['WARN: volume is almost full', 'TASK WARNINGS: 2']);
  });

  it('throws TaskError with the LAST 20 lines of a 250-line log and the parsed privilege', async () => {
    const exitstatus =
      'unable to create CT 105 - Permission check failed (/storage/local, Datastore.AllocateSpace)';
    const lines = Array.from({ length: 249 }, (_, index) => `extracting archive: line ${index + 1}`);
    lines.push(`TASK ERROR: ${exitstatus}`);
    const task = run([running(), stopped(exitstatus)], lines);
    const error = (await settle(caught(() => client().waitTask(createUPID)))) as TaskError;
    expect(error).toBeInstanceOf(TaskError);
    expect(error.reason).toBe('permission');
    expect(error.exitStatus).toBe(exitstatus);
    expect(error.permission).toEqual({
      kind: 'privilege',
      path: '/storage/local',
      privileges: ['Datastore.AllocateSpace'],
      anyOf: false,
    });
    expect(error.logTail).toHaveLength(20);
    expect(error.logTail[0]).toBe('extracting archive: line 231');
    expect(error.logTail.at(-1)).toBe(`TASK ERROR: ${exitstatus}`);
    expect(error.upid.raw).toBe(createUPID);
    expect(error.message).toContain(exitstatus);
    // The tail was read in two requests, never the whole log.
    expect(task.logRequests).toEqual(['0,20', '230,20']);
  });

  it('finds a privilege only in the log when the exit status does not carry it', async () => {
    const lines = [
      'starting',
      'Permission check failed (/vms/105, VM.Config.Disk|VM.Config.Options)',
      'TASK ERROR: job errors',
    ];
    run([stopped('job errors')], lines);
    const error = (await settle(caught(() => client().waitTask(createUPID)))) as TaskError;
    expect(error.permission).toMatchObject({
      kind: 'privilege',
      anyOf: true,
      privileges: ['VM.Config.Disk', 'VM.Config.Options'],
    });
    expect(error.reason).toBe('permission');
  });

  it('treats any other exit status as failure with reason task-failed', async () => {
    run(
      [stopped("command 'mkfs.ext4' failed: exit code 4")],
      ["TASK ERROR: command 'mkfs.ext4' failed: exit code 4"],
    );
    const error = (await settle(caught(() => client().waitTask(createUPID)))) as TaskError;
    expect(error.reason).toBe('task-failed');
    expect(error.permission).toBeUndefined();
  });
});

describe('waitTask fault tolerance', () => {
  it('survives connection resets', async () => {
    const task = run([() => HttpResponse.error(), () => HttpResponse.error(), running(), stopped()]);
    const result = await settle(client().waitTask(createUPID));
    expect(result.status).toBe('ok');
    expect(task.polls).toHaveLength(4);
  });

  it('survives a 500 and a 595', async () => {
    const task = run([
      pveError(500, 'unable to read tail (got timeout)', { modern: true }),
      pveError(595, 'Errors during connection establishment, proxy handshake: No route to host', {
        modern: false,
      }),
      stopped(),
    ]);
    expect((await settle(client().waitTask(createUPID))).status).toBe('ok');
    expect(task.polls).toHaveLength(3);
  });

  it.each([true, false])(
    'survives the 400 "no such task" right after creation (modern body: %s)',
    async (modern) => {
      const noSuchTask = pveError(400, 'Parameter verification failed.', {
        modern,
        errors: { upid: 'no such task' },
      });
      const task = run([noSuchTask, noSuchTask, running(), stopped()]);
      expect((await settle(client().waitTask(createUPID))).status).toBe('ok');
      expect(task.polls).toHaveLength(4);
    },
  );

  it('survives a stalled response longer than the request timeout', async () => {
    const task = run([
      async () => {
        await delay('infinite');
        return running();
      },
      stopped(),
    ]);
    const result = await settle(client().waitTask(createUPID));
    expect(result.status).toBe('ok');
    expect(task.polls).toHaveLength(2);
    // The second poll came after the 3 s request timeout plus a wait of 20 % of those 3 s.
    expect((task.polls[1] ?? 0) - (task.polls[0] ?? 0)).toBeGreaterThanOrEqual(3_000 + 600 * 0.9);
  });

  it('gives up after maxConsecutiveErrors transient failures, throwing the last one', async () => {
    const failure = () => pveError(500, 'unable to read tail (got timeout)', { modern: true });
    const task = run([failure(), failure(), failure(), failure()]);
    const error = await settle(caught(() => client().waitTask(createUPID, { maxConsecutiveErrors: 2 })));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).reason).toBe('server');
    expect(task.polls).toHaveLength(3);
  });

  it('resets the error count after a good poll', async () => {
    const failure = pveError(500, 'x', { modern: true });
    const task = run([failure, failure, running(), failure, failure, stopped()]);
    expect((await settle(client().waitTask(createUPID, { maxConsecutiveErrors: 2 }))).status).toBe('ok');
    expect(task.polls).toHaveLength(6);
  });

  it('stops at once on a non-transient failure (403)', async () => {
    const task = run([pveError(403, 'Permission check failed (/nodes/pve, Sys.Audit)', { modern: true })]);
    const error = (await settle(caught(() => client().waitTask(createUPID)))) as APIError;
    expect(error.reason).toBe('permission');
    expect(task.polls).toHaveLength(1);
  });
});

describe('waitTask time limits', () => {
  it('throws TaskTimeoutError with the last status and log tail when the deadline passes', async () => {
    const task = run([running()], ['starting', 'still going']);
    const started = Date.now();
    let settledAt = 0;
    const pending = caught(() => client().waitTask(createUPID, { timeout: 20_000 })).finally(() => {
      settledAt = Date.now();
    });
    const error = (await settle(pending)) as TaskTimeoutError;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error.reason).toBe('timeout');
    expect(error.timeout).toBe(20_000);
    expect(error.lastStatus?.status).toBe('running');
    expect(error.logTail).toEqual(['starting', 'still going']);
    // The last poll comes 1 s before the deadline (a tenth of the timeout, at most 1 s), leaving
    // that slice to it and the log tail.
    expect((task.polls.at(-1) ?? 0) - started).toBe(19_000);
    expect(settledAt - started).toBeLessThanOrEqual(20_000);
  });

  it('defaults to a 10 minute timeout', async () => {
    const task = run([running()]);
    const pending = caught(() => client().waitTask(createUPID));
    await vi.advanceTimersByTimeAsync(599_000);
    const polls = task.polls.length;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toBeInstanceOf(TaskTimeoutError);
    expect(polls).toBeGreaterThan(100);
  });

  it('honours abort within one tick, even while sleeping', async () => {
    const task = run([running()]);
    const controller = new AbortController();
    const pending = caught(() => client().waitTask(createUPID, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_500);
    const polls = task.polls.length;
    controller.abort(new Error('operator cancelled'));
    await vi.advanceTimersByTimeAsync(0);
    const error = (await pending) as AbortedError;
    expect(error).toBeInstanceOf(AbortedError);
    expect((error.cause as Error).message).toBe('operator cancelled');
    expect(task.polls).toHaveLength(polls);
  });

  it('honours abort while a poll is in flight', async () => {
    run([
      async () => {
        await delay('infinite');
        return running();
      },
    ]);
    const controller = new AbortController();
    const pending = caught(() => client().waitTask(createUPID, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await pending).toBeInstanceOf(AbortedError);
  });
});

describe('waitTask onProgress', () => {
  it('delivers every new log line once, in order, as the task writes them', async () => {
    const lines: string[] = ['starting restore'];
    const task = run(
      [
        () => {
          lines.push('extracting archive', 'total bytes read 1048576');
          return running();
        },
        () => {
          lines.push('Detected container architecture: amd64');
          return running();
        },
        () => {
          lines.push('TASK OK');
          return stopped();
        },
      ],
      lines,
    );
    const received: TaskLogLine[][] = [];
    const result = await settle(
      client().waitTask(createUPID, { onProgress: ({ lines: fresh }) => received.push([...fresh]) }),
    );
    expect(result.status).toBe('ok');
    expect(received.flat().map((line) => line.text)).toEqual(lines);
    expect(received.flat().map((line) => line.lineNo)).toEqual([1, 2, 3, 4, 5]);
    expect(received.length).toBe(3);
    expect(task.polls).toHaveLength(3);
  });
});
