import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { filterCheck } from '../../privileges/check-builders.js';
import { taskListSchema } from '../../schemas/task-list.js';
import { assertNodeName, assertVmid } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalInteger, optionalMatching, optionalOneOf } from '../checks.js';
import { defineOperation } from '../define.js';

/** A task state `listTasks` can filter on. */
export type TaskStatusFilter = 'ok' | 'warning' | 'error' | 'unknown';

/** The filter of `listTasks(node, filter)`: PVE's own parameters. */
export interface TaskListFilter extends CallOptions {
  /** Skip this many entries (paging). @default 0 */
  readonly start?: number;
  /** At most this many entries. @default 50 (PVE's default) */
  readonly limit?: number;
  /** Only tasks of users whose id contains this text. */
  readonly userfilter?: string;
  /** Only tasks of this type (`vzdump`, `vzstart`, …). */
  readonly typefilter?: string;
  /** Only tasks of this guest. */
  readonly vmid?: number;
  /** Only failed tasks. @default false */
  readonly errors?: boolean;
  /** Finished (`archive`), running (`active`) or `all` tasks. @default 'archive' */
  readonly source?: 'archive' | 'active' | 'all';
  /** Only tasks started at or after this time (seconds since the epoch). */
  readonly since?: number;
  /** Only tasks started at or before this time (seconds since the epoch). */
  readonly until?: number;
  /** Only tasks that ended in one of these states. */
  readonly statusfilter?: readonly TaskStatusFilter[];
}

const statusValues: readonly TaskStatusFilter[] = ['ok', 'warning', 'error', 'unknown'];
const wordFormat = /^[A-Za-z0-9_.@!-]+$/;

function taskListQuery(filter: TaskListFilter | undefined) {
  const statuses = filter?.statusfilter;
  if (statuses !== undefined && !Array.isArray(statuses)) {
    throw new InvalidArgumentError(
      'filter.statusfilter',
      statuses,
      "an array of 'ok', 'warning', 'error', 'unknown'",
    );
  }
  for (const status of statuses ?? []) optionalOneOf('filter.statusfilter', status, statusValues);
  return {
    start: optionalInteger('filter.start', filter?.start),
    limit: optionalInteger('filter.limit', filter?.limit),
    userfilter: optionalMatching(
      'filter.userfilter',
      filter?.userfilter,
      wordFormat,
      'a user or token id fragment',
    ),
    typefilter: optionalMatching(
      'filter.typefilter',
      filter?.typefilter,
      wordFormat,
      "a task type such as 'vzdump'",
    ),
    vmid: filter?.vmid === undefined ? undefined : assertVmid(filter.vmid, 'filter.vmid'),
    errors: optionalBoolean('filter.errors', filter?.errors),
    source: optionalOneOf('filter.source', filter?.source, ['archive', 'active', 'all'] as const),
    since: optionalInteger('filter.since', filter?.since),
    until: optionalInteger('filter.until', filter?.until),
    statusfilter: statuses?.length ? statuses.join(',') : undefined,
  };
}

/** `GET /nodes/{node}/tasks`. */
export const listTasksOperation = {
  /**
   * A node's task list (`GET /nodes/{node}/tasks`) with PVE's filters. A token sees its own
   * tasks; others' need `Sys.Audit` on `/nodes/{node}`.
   */
  listTasks: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/tasks',
    privileges: {
      access: 'filtered',
      checks: [
        filterCheck(
          '/nodes/{node}',
          ['Sys.Audit'],
          false,
          "the token's own tasks are always listed; other users' tasks on the node only with Sys.Audit",
        ),
      ],
      rootOnly: [],
    },
    request: (node: string, filter?: TaskListFilter) => {
      const path = { node: assertNodeName(node) };
      return { path, parameters: taskListQuery(filter), call: filter };
    },
    answer: schemaAnswer(taskListSchema),
  }),
};
