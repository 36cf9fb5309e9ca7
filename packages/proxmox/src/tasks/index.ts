// Tasks: internal barrel of what src/index.ts re-exports. The functions themselves are reached
// through ProxmoxClient's methods.

export type { TaskLogLine, TaskStatus } from '../schemas/tasks.js';
export { classifyExitStatus, type ExitClass } from './exit-status.js';
export type { APIRequester, UPIDInput } from './requester.js';
export type { TaskLogOptions } from './task-log.js';
export type { TaskCallOptions } from './task-status.js';
export type { TaskProgress, WaitTaskOptions } from './wait-options.js';
export { type TaskResult, taskErrorTailLines } from './wait-task.js';
