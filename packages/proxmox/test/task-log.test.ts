import { InvalidArgumentError, type TaskLogLine } from '@felhom/proxmox';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught, newClient, server, useMsw } from './support/msw.js';
import { createUPID, scriptTask, statusAnswer } from './support/task-host.js';

useMsw();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

describe('taskStatusOnce', () => {
  it('validates and returns the status of a token-started task', async () => {
    const { handlers } = scriptTask(createUPID, [statusAnswer(createUPID, 'stopped', 'OK')]);
    server.use(...handlers);
    const status = await newClient().taskStatusOnce(createUPID);
    expect(status).toMatchObject({
      status: 'stopped',
      exitstatus: 'OK',
      user: 'felhom@pve',
      tokenid: 'agent',
      id: '105',
    });
    expect(status.pid).toBe(0x12f0a3);
  });
});

describe('taskLogTail', () => {
  it('reads a short log in one request', async () => {
    const { task, handlers } = scriptTask(createUPID, [], numbered(12));
    server.use(...handlers);
    const tail = await newClient().taskLogTail(createUPID, 20);
    expect(tail.map((line) => line.text)).toEqual(numbered(12));
    expect(task.logRequests).toEqual(['0,20']);
  });

  it('reads exactly the last n lines of a long log in two requests', async () => {
    const { task, handlers } = scriptTask(createUPID, [], numbered(91));
    server.use(...handlers);
    const tail = await newClient().taskLogTail(createUPID, 10);
    expect(tail.map((line) => line.lineNo)).toEqual([82, 83, 84, 85, 86, 87, 88, 89, 90, 91]);
    expect(task.logRequests).toEqual(['0,10', '81,10']);
  });

  it('returns no lines for an empty log (dropping PVE\'s "no content" filler)', async () => {
    const { handlers } = scriptTask(createUPID, [], []);
    server.use(...handlers);
    expect(await newClient().taskLogTail(createUPID, 5)).toEqual([]);
  });

  it('keeps a real last line that reads "no content": PVE sends the filler only for an empty log', async () => {
    const { handlers } = scriptTask(createUPID, [], ['starting', 'no content']);
    server.use(...handlers);
    const tail = await newClient().taskLogTail(createUPID, 1);
    expect(tail).toEqual([{ lineNo: 2, text: 'no content' }]);
  });

  it('rejects a line count that is not a positive integer', async () => {
    expect(await caught(() => newClient().taskLogTail(createUPID, 0))).toBeInstanceOf(InvalidArgumentError);
  });
});

describe('taskLog', () => {
  it('follows a running task and ends after it stops, yielding each line once', async () => {
    const lines = ['starting'];
    const { task, handlers } = scriptTask(
      createUPID,
      [
        statusAnswer(createUPID, 'running'),
        statusAnswer(createUPID, 'running'),
        statusAnswer(createUPID, 'running'),
        statusAnswer(createUPID, 'stopped', 'OK'),
      ],
      lines,
    );
    server.use(...handlers);
    const collected: TaskLogLine[] = [];
    const reading = (async () => {
      for await (const line of newClient().taskLog(createUPID, { pageSize: 2 })) {
        collected.push(line);
        if (line.text === 'starting') lines.push('one', 'two', 'three');
        if (line.text === 'three') lines.push('TASK OK');
      }
    })();
    await vi.advanceTimersByTimeAsync(60_000);
    await reading;
    expect(collected.map((line) => line.text)).toEqual(['starting', 'one', 'two', 'three', 'TASK OK']);
    expect(collected.map((line) => line.lineNo)).toEqual([1, 2, 3, 4, 5]);
    expect(task.polls.length).toBeGreaterThanOrEqual(2);
  });

  it('with follow: false yields the lines present now and ends without polling status', async () => {
    const { task, handlers } = scriptTask(createUPID, [statusAnswer(createUPID, 'running')], numbered(3));
    server.use(...handlers);
    const texts: string[] = [];
    for await (const line of newClient().taskLog(createUPID, { follow: false, start: 1 }))
      texts.push(line.text);
    expect(texts).toEqual(['line 2', 'line 3']);
    expect(task.polls).toHaveLength(0);
  });
});

describe('a malformed answer', () => {
  it('names a bad log line by its index, in the notation every answer uses', async () => {
    server.use(
      http.get(/\/tasks\/[^/]+\/log$/, () =>
        HttpResponse.json({
          data: [
            { n: 1, t: 'starting' },
            { n: 2, t: 7 },
          ],
          total: 2,
        }),
      ),
    );
    const error = await caught(() => newClient().taskLogTail(createUPID, 20));
    expect(error).toMatchObject({ name: 'ResponseShapeError', fieldPath: 'data[1].t' });
  });

  it('names a bad status field the same way', async () => {
    server.use(
      http.get(/\/tasks\/[^/]+\/status$/, () => HttpResponse.json({ data: { status: 'done', pid: 1 } })),
    );
    const error = await caught(() => newClient().taskStatusOnce(createUPID));
    expect(error).toMatchObject({ name: 'ResponseShapeError', fieldPath: 'data.status' });
  });
});
