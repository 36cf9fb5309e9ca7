import { HttpResponse, http } from 'msw';
import { api, pveData } from './msw.js';

/** A UPID as a token-started `vzcreate` on node `pve` would have it. */
export const createUPID = 'UPID:pve:0012F0A3:01B4C2D5:6750A3C1:vzcreate:105:felhom@pve!agent:';

/**
 * A status `data` body as GET /nodes/{node}/tasks/{upid}/status returns it
 * (docs/pve-behaviour.md#the-task-status-endpoint).
 */
export function statusBody(
  upid: string,
  state: 'running' | 'stopped',
  exitstatus?: string,
): Record<string, unknown> {
  const [, node = '', pid = '0', pstart = '0', starttime = '0', type = '', id = ''] = upid.split(':');
  const body: Record<string, unknown> = {
    upid,
    node,
    pid: Number.parseInt(pid, 16),
    pstart: Number.parseInt(pstart, 16),
    starttime: Number.parseInt(starttime, 16),
    type,
    id,
    user: 'felhom@pve',
    tokenid: 'agent',
    status: state,
  };
  if (state === 'stopped') body.exitstatus = exitstatus ?? 'OK';
  return body;
}

/** One poll's answer: a response, or a function producing one (may stall). */
export type Answer = Response | (() => Response | Promise<Response>);

/** A scripted task: each status poll takes the next answer (the last one repeats). */
export interface ScriptedTask {
  /** Times (Date.now()) of every status poll. */
  readonly polls: number[];
  /** `start,limit` of every log request. */
  readonly logRequests: string[];
  /** The log as it stands; tests may push lines while the task "runs". */
  readonly lines: string[];
}

/**
 * msw handlers for one task: the status endpoint follows `script`, the log endpoint pages
 * `lines` exactly as PVE's dump_logfile does (0-based start, limit 50 by default, 0 = to the
 * end, `total`, and the "no content" filler for an empty log).
 */
export function scriptTask(upid: string, script: readonly Answer[], lines: string[] = []) {
  const task: ScriptedTask = { polls: [], logRequests: [], lines };
  const node = upid.split(':')[1] ?? '';
  const base = `${api}/nodes/${node}/tasks/${encodeURIComponent(upid)}`;
  const handlers = [
    http.get(`${base}/status`, async () => {
      task.polls.push(Date.now());
      const answer = script[Math.min(task.polls.length - 1, script.length - 1)];
      if (answer === undefined) return HttpResponse.error();
      return typeof answer === 'function' ? await answer() : answer.clone();
    }),
    http.get(`${base}/log`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const start = Number(query.get('start') ?? 0);
      const limit = Number(query.get('limit') ?? 50);
      task.logRequests.push(`${start},${limit}`);
      const end = limit === 0 ? task.lines.length : Math.min(task.lines.length, start + limit);
      const page = task.lines.slice(start, end).map((t, index) => ({ n: start + index + 1, t }));
      // An empty log file gets one filler line; a page past the end of a longer one is empty.
      if (task.lines.length === 0) return pveData([{ n: 1, t: 'no content' }], 1);
      return pveData(page, task.lines.length);
    }),
  ];
  return { task, handlers };
}

/** The answer for a poll of a running or stopped task. */
export function statusAnswer(upid: string, state: 'running' | 'stopped', exitstatus?: string): Response {
  return pveData(statusBody(upid, state, exitstatus));
}
