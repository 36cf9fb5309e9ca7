import { responseSchema } from './response-schema.js';

export type { TaskLogLine, TaskStatus } from '../shapes/tasks.js';

/**
 * `GET /nodes/{node}/tasks/{upid}/status` (declared in shapes/tasks.ts). Open to unknown
 * fields; `pid`, `pstart`, `starttime` numbers (old hosts sent strings); `id` `""` when absent.
 */
export const taskStatusSchema = responseSchema('taskStatus');

/** One line of `GET /nodes/{node}/tasks/{upid}/log`, as `{lineNo, text}`. */
export const taskLogLineSchema = responseSchema('taskLogLine');

/** The log endpoint's `data`: a page of lines. */
export const taskLogPageSchema = responseSchema('taskLogPage');
