import type { ApiEndpoint, PrivilegeCheck } from '../../privileges/types.js';

// PVE lets a task's owner read it, and others with Sys.Audit on the node (the permission text
// of the status and log endpoints).

/** Reading a task: its owner always, others with `Sys.Audit` on the node. */
export const ownerOrSysAudit: PrivilegeCheck = {
  path: '/nodes/{node}',
  privileges: ['Sys.Audit'],
  any: false,
  effect: 'owner-or',
  source: 'handler',
  when: { kind: 'always' },
  why: "the token's own tasks are always readable (a user also reads its tokens' tasks); others' need Sys.Audit on the node",
};

/** `GET /nodes/{node}/tasks/{upid}/status`. */
export const taskStatusEndpoint: ApiEndpoint = { method: 'GET', path: '/nodes/{node}/tasks/{upid}/status' };

/** `GET /nodes/{node}/tasks/{upid}/log`. */
export const taskLogEndpoint: ApiEndpoint = { method: 'GET', path: '/nodes/{node}/tasks/{upid}/log' };
