import { taskResponseShapes } from '../shapes/tasks.js';
import { checkedSchema } from './checked-schema.js';
import { taskCheckers } from './generated/task-checkers.js';

export type { TaskLogLine, TaskStatus } from '../shapes/tasks.js';

// Built from the tasks' own registry, not `responseSchema` (whose registry holds every shape),
// so that waiting for a task, imported with the client, loads only these.

/**
 * `GET /nodes/{node}/tasks/{upid}/status` (declared in shapes/tasks.ts). Open to unknown
 * fields; `pid`, `pstart`, `starttime` numbers (old hosts sent strings); `id` `""` when absent.
 */
export const taskStatusSchema = checkedSchema(taskResponseShapes.taskStatus, taskCheckers.taskStatus);

/** One line of `GET /nodes/{node}/tasks/{upid}/log`, as `{lineNo, text}`. */
export const taskLogLineSchema = checkedSchema(taskResponseShapes.taskLogLine, taskCheckers.taskLogLine);

/** The log endpoint's `data`: a page of lines. */
export const taskLogPageSchema = checkedSchema(taskResponseShapes.taskLogPage, taskCheckers.taskLogPage);
