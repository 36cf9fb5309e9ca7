import type { TaskLogLine, TaskStatus } from '../schemas/tasks.js';
import type { UPID } from '../upid/upid.js';
import { readLogPages } from './log-page.js';
import type { APIRequester } from './requester.js';
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
  const pages = readLogPages(api, upid, offset, {
    pageSize: logPageSize,
    maxPages: maxLogPagesPerPoll,
    signal,
  });
  for await (const page of pages) lines.push(...page.lines);
  if (lines.length > 0) onProgress({ lines, status });
  return offset + lines.length;
}
