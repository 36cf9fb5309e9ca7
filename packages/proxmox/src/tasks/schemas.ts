import * as v from 'valibot';

// Old hosts send some integers as strings (PVE ≤ 6 status/current did); accept both once, here.
const integer = v.union([
  v.pipe(v.number(), v.integer()),
  v.pipe(v.string(), v.regex(/^-?\d+$/), v.transform(Number)),
]);

/**
 * `GET /nodes/{node}/tasks/{upid}/status` (docs/pve-behaviour.md#the-task-status-endpoint).
 * Open to unknown fields.
 * `exitstatus` appears only once the task stopped; `tokenid` only for tasks a token started
 * (then `user` is the owning user).
 */
export const taskStatusSchema = v.looseObject({
  status: v.picklist(['running', 'stopped']),
  exitstatus: v.optional(v.string()),
  upid: v.string(),
  node: v.string(),
  pid: integer,
  pstart: integer,
  starttime: integer,
  type: v.string(),
  id: v.optional(v.string(), ''),
  user: v.string(),
  tokenid: v.optional(v.string()),
});

/** A task's status as the host reports it. */
export type TaskStatus = v.InferOutput<typeof taskStatusSchema>;

/**
 * One line of `GET /nodes/{node}/tasks/{upid}/log`: `n` is the 1-based line number, `t` the
 * text (chomped; may be empty or hold `\b` progress runs), renamed to readable keys.
 */
export const taskLogLineSchema = v.pipe(
  v.looseObject({ n: integer, t: v.string() }),
  v.transform(({ n, t }) => ({ lineNo: n, text: t })),
);

/** A line of a task log. */
export type TaskLogLine = v.InferOutput<typeof taskLogLineSchema>;

/** The log endpoint's `data`: a page of lines. */
export const taskLogPageSchema = v.array(taskLogLineSchema);
