import { taskLogOperation } from './tasks/task-log.js';
import { taskLogTailOperation } from './tasks/task-log-tail.js';
import { taskStatusOnceOperation } from './tasks/task-status-once.js';
import { waitTaskOperation } from './tasks/wait-task.js';

/**
 * The operations on tasks: part of the table of operations, and also held by the client from
 * the start, while the rest of the table loads on the first call of another method
 * (client/operation-table.ts). Waiting for a task and following its log have deadlines that count
 * from the call, and callers drive them with fake clocks, so nothing may come between the call
 * and the first request. The generator reads this table like the main one.
 */
export const taskOperations = {
  ...taskStatusOnceOperation,
  ...taskLogTailOperation,
  ...taskLogOperation,
  ...waitTaskOperation,
};
