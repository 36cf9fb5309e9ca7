import type { UPID } from '../upid/upid.js';
import { readLogPage } from './log-page.js';
import type { APIRequester } from './requester.js';
import type { TaskLogLine, TaskStatus } from './schemas.js';
import type { TaskProgress } from './wait-options.js';

/** Lines per log request. */
export const logPageSize = 500;
/** Log requests per poll at most: a host that keeps announcing more lines cannot hold a poll. */
export const maxLogPagesPerPoll = 10;

/**
 * Reads the log lines written since `offset` (at most {@link maxLogPagesPerPoll} pages; the rest
 * come with the next poll), hands them to `onProgress`, and returns the new offset.
 */
export async function reportProgress(
  api: APIRequester,
  upid: UPID,
  offset: number,
  status: TaskStatus,
  onProgress: (progress: TaskProgress) => void,
  signal: AbortSignal,
): Promise<number> {
  const lines: TaskLogLine[] = [];
  let next = offset;
  for (let page = 0; page < maxLogPagesPerPoll; page++) {
    const read = await readLogPage(api, upid, next, logPageSize, { signal });
    lines.push(...read.lines);
    next += read.lines.length;
    if (read.lines.length < logPageSize || next >= read.total) break;
  }
  if (lines.length > 0) onProgress({ lines, status });
  return next;
}
