import type { MethodPrivileges, PrivilegeCheck } from './types.js';

// The task methods: PVE lets the task's owner read it, and others with Sys.Audit on the node
// (the permission text of the status and log endpoints). Internal to the package.

const ownerOrSysAudit: PrivilegeCheck = {
  path: '/nodes/{node}',
  privileges: ['Sys.Audit'],
  any: false,
  effect: 'owner-or',
  source: 'handler',
  when: { kind: 'always' },
  why: "the token's own tasks are always readable (a user also reads its tokens' tasks); others' need Sys.Audit on the node",
};

const status = { method: 'GET', path: '/nodes/{node}/tasks/{upid}/status' } as const;
const log = { method: 'GET', path: '/nodes/{node}/tasks/{upid}/log' } as const;

/** Privilege requirements of the task methods. */
export const taskMethodPrivileges = {
  taskStatusOnce: { endpoints: [status], access: 'owner-or', checks: [ownerOrSysAudit], rootOnly: [] },
  taskLogTail: { endpoints: [log], access: 'owner-or', checks: [ownerOrSysAudit], rootOnly: [] },
  // taskLog reads the status too, to know when a followed task has stopped.
  taskLog: { endpoints: [log, status], access: 'owner-or', checks: [ownerOrSysAudit], rootOnly: [] },
  waitTask: { endpoints: [status, log], access: 'owner-or', checks: [ownerOrSysAudit], rootOnly: [] },
} as const satisfies Record<string, MethodPrivileges>;
