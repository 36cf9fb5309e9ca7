import { flag, integer, object, optional, string, text, withDefault } from './shape.js';

/**
 * One entry of `GET /nodes/{node}/tasks`. `status` is the exit status text (`OK`,
 * `WARNINGS: 2`, an error) or `RUNNING` for an active task, and is absent for tasks whose
 * status is not yet known; `endtime` only for finished tasks; `tokenid` when an API token
 * started it (then `user` is the token's owner); `saved` (`"1"`) on entries from the active
 * list becomes a boolean; `id` a string (`""` when absent, a number sent unquoted turned to
 * text). `upid` stays a string here: parse it with the UPID parser.
 */
export const taskListItemShape = object({
  upid: string(),
  node: string(),
  pid: integer(),
  pstart: integer(),
  starttime: integer(),
  type: string(),
  id: withDefault(text(), ''),
  user: string(),
  endtime: optional(integer()),
  status: optional(string()),
  tokenid: optional(string()),
  saved: optional(flag()),
});
