import {
  integer,
  list,
  type Output,
  object,
  oneOf,
  optional,
  renamedObject,
  string,
  withDefault,
} from './shape.js';

/**
 * `GET /nodes/{node}/tasks/{upid}/status` (docs/pve-behaviour.md#the-task-status-endpoint).
 * `exitstatus` appears only once the task stopped; `tokenid` only for tasks a token started
 * (then `user` is the owning user). Old hosts sent `pid`, `pstart` and `starttime` as strings.
 */
export const taskStatusShape = object({
  status: oneOf(['running', 'stopped']),
  exitstatus: optional(string()),
  upid: string(),
  node: string(),
  pid: integer(),
  pstart: integer(),
  starttime: integer(),
  type: string(),
  id: withDefault(string(), ''),
  user: string(),
  tokenid: optional(string()),
});

/** A task's status as the host reports it. */
export type TaskStatus = Output<typeof taskStatusShape>;

/**
 * One line of `GET /nodes/{node}/tasks/{upid}/log`: `n` is the 1-based line number, `t` the
 * text (chomped; may be empty or hold `\b` progress runs), renamed to readable keys.
 */
export const taskLogLineShape = renamedObject({ n: integer(), t: string() }, { n: 'lineNo', t: 'text' });

/** A line of a task log. */
export type TaskLogLine = Output<typeof taskLogLineShape>;

/**
 * The response shapes of the task endpoints, by name: a registry of their own (the others are in
 * index.ts) because waiting for a task is imported with the client, while everything else loads
 * on the first call of another method (client/operation-table.ts). scripts/generate/ writes
 * their checkers into src/schemas/generated/task-checkers.ts.
 */
export const taskResponseShapes = {
  taskStatus: taskStatusShape,
  taskLogLine: taskLogLineShape,
  taskLogPage: list(taskLogLineShape),
} as const;
