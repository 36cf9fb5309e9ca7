import { operations } from '../operations/index.js';
import type { ClientMethodName } from './issue.js';
import type { MethodPrivileges } from './types.js';

/**
 * For each client method: the endpoints it calls and every privilege check Proxmox VE performs
 * for them — the ACL path, the privileges, whether all or any are needed, whether a miss is a
 * 403, a silently filtered answer or a failed task, when a conditional check applies, and what
 * only root@pam may do. Taken from each method's definition (src/operations/).
 *
 * Derived from Proxmox's API schema (PVE 8.4 and 9.1: each endpoint's `permissions`) and, where
 * the schema says `user => 'all'` and checks in code, from the handlers in pve-container,
 * pve-manager, pve-storage and pve-access-control. docs/privileges.md explains the sources.
 *
 * @example
 * ```ts
 * requiredPrivileges.snapshot.checks[0];
 * // { path: '/vms/{vmid}', privileges: ['VM.Snapshot'], any: false, effect: 'deny', source: 'schema', … }
 * ```
 */
export const requiredPrivileges: Readonly<Record<ClientMethodName, MethodPrivileges>> = Object.fromEntries(
  Object.entries(operations).map(([name, operation]) => [name, operation.privileges]),
) as Record<ClientMethodName, MethodPrivileges>;
