/**
 * `@felhom/proxmox/tasks`: the options of waiting for and reading tasks, progress reports and
 * how a task's exit status is classified.
 *
 * @packageDocumentation
 * @module tasks
 */
export {
  classifyExitStatus,
  type ExitClass,
  type TaskCallOptions,
  type TaskLogOptions,
  type TaskProgress,
  type TaskResult,
  taskErrorTailLines,
  type WaitTaskOptions,
} from '../tasks/index.js';
