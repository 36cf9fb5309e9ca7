import * as v from 'valibot';
import { looseObjectWithFields } from './field-pass.js';
import { integerLike } from './primitives.js';

/**
 * One entry of `GET /nodes/{node}/tasks`. `status` is the exit status text (`OK`,
 * `WARNINGS: 2`, an error) or `RUNNING` for an active task, and is absent for tasks whose
 * status is not yet known; `endtime` only for finished tasks; `tokenid` when an API token
 * started it (then `user` is the token's owner); `saved` (`"1"`) on entries from the active
 * list becomes a boolean. `upid` stays a string here: parse it with the UPID parser.
 */
export const taskListItemSchema = looseObjectWithFields(
  {
    upid: v.string(),
    node: v.string(),
    pid: integerLike,
    pstart: integerLike,
    starttime: integerLike,
    type: v.string(),
    id: v.optional(v.union([v.string(), v.pipe(v.number(), v.transform(String))]), ''),
    user: v.string(),
  },
  { endtime: 'integer', status: 'string', tokenid: 'string', saved: 'flag' },
);

/** `GET /nodes/{node}/tasks`. */
export const taskListSchema = v.array(taskListItemSchema);

/** A task as listed by `listTasks(node, filter?)`. */
export type TaskListItem = v.InferOutput<typeof taskListItemSchema>;
