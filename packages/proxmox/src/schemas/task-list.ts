import type { Output } from '../shapes/shape.js';
import type { taskListItemShape } from '../shapes/task-list.js';
import { responseSchema } from './response-schema.js';

/**
 * One entry of `GET /nodes/{node}/tasks` (declared in shapes/task-list.ts): `saved` a
 * boolean, `id` a string (`""` when absent). `upid` stays a string: parse it with the UPID
 * parser.
 */
export const taskListItemSchema = responseSchema('taskListItem');

/** `GET /nodes/{node}/tasks`. */
export const taskListSchema = responseSchema('taskList');

/** A task as listed by `listTasks(node, filter?)`. */
export type TaskListItem = Output<typeof taskListItemShape>;
