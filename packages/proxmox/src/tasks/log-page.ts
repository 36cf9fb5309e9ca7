import { parseFreshResponse } from '../schemas/parse.js';
import { type TaskLogLine, taskLogPageSchema } from '../schemas/tasks.js';
import type { UPID } from '../upid/upid.js';
import { type APIRequester, taskPath } from './requester.js';

/** Per-request options of a log read. */
export interface PageOptions {
  /** Cancels the read. */
  readonly signal?: AbortSignal;
  /** Per-request timeout in ms instead of the client's. */
  readonly timeout?: number;
}

/** One page of a task log: the lines returned and the log's total line count. */
export interface LogPage {
  readonly lines: readonly TaskLogLine[];
  /** Lines in the log so far (the envelope's `total`, corrected for the filler line). */
  readonly total: number;
}

/**
 * Reads lines `start … start+limit-1` (0-based) of a task log.
 *
 * A log file with no line yet is answered with one filler line `{n: 1, t: "no content"}` and
 * `total: 1`, whatever `start` asked for (pve-common `PVE::Tools::dump_logfile_by_filehandle`,
 * "HACK: ExtJS store.guaranteeRange() does not like empty array"); a page past the end of a
 * longer log is an empty array. The filler is removed here so a follower does not skip the
 * task's real first line. (A log whose only line really reads `no content` looks the same.)
 */
export async function readLogPage(
  api: APIRequester,
  upid: UPID,
  start: number,
  limit: number,
  options: PageOptions = {},
): Promise<LogPage> {
  const path = `${taskPath(upid)}/log`;
  const response = await api.request('GET', path, { ...options, query: { start, limit } });
  const page = parseFreshResponse(taskLogPageSchema, response.data, `GET ${path}`);
  // A host that sends more than asked for does not get to grow the caller's buffers.
  const lines = page.length > limit ? page.slice(0, limit) : page;
  const total = response.total ?? lines.reduce((last, line) => Math.max(last, line.lineNo), start);
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only && only.text === 'no content' && only.lineNo === 1 && total === 1) {
    return { lines: [], total: 0 };
  }
  return { lines, total };
}

/** How far {@link readLogPages} reads. */
export interface PagesOptions extends PageOptions {
  /** Lines per request. */
  readonly pageSize: number;
  /** Requests at most (a host that keeps announcing more lines cannot hold the reader). */
  readonly maxPages?: number;
}

/**
 * The one paging loop over a task log: reads the pages from line `offset` on until a short page,
 * the announced end of the log, or `maxPages` requests. Yields each page as it arrives, so a
 * follower hands lines on before the next request.
 */
export async function* readLogPages(
  api: APIRequester,
  upid: UPID,
  offset: number,
  options: PagesOptions,
): AsyncGenerator<LogPage, void, undefined> {
  const { pageSize, maxPages = Number.POSITIVE_INFINITY, ...call } = options;
  let next = offset;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await readLogPage(api, upid, next, pageSize, call);
    yield page;
    next += page.lines.length;
    if (page.lines.length < pageSize || next >= page.total) return;
  }
}
