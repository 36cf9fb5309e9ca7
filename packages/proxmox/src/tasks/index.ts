// Tasks: internal barrel, re-exported selectively by src/index.ts.
export { classifyExitStatus, type ExitClass } from './exit-status.js';
export type { APIRequester, UPIDInput } from './requester.js';
export { type TaskLogLine, type TaskStatus, taskLogLineSchema, taskStatusSchema } from './schemas.js';
export { type TaskLogOptions, taskLog, taskLogTail } from './task-log.js';
export { type TaskCallOptions, taskStatusOnce } from './task-status.js';
export {
  type TaskProgress,
  type TaskResult,
  taskErrorTailLines,
  type WaitTaskOptions,
  waitTask,
} from './wait-task.js';
