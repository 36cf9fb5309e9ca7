// The privileges area. This barrel is internal to the package; src/index.ts re-exports from it.
export { agentRoleMethods, agentRoleName, agentRolePrivileges } from './agent-role.js';
export { checkPrivileges, defaultRestoreConfigKeys } from './check-privileges.js';
export type { ClientMethodName, PrivilegeIssue } from './issue.js';
export {
  isPrivilegeOn,
  type PveMajorVersion,
  type PvePrivilege,
  pvePrivilegesByVersion,
} from './privilege-names.js';
export {
  type PveumAclOptions,
  pveumAclModifyCommand,
  pveumAgentSetupCommands,
  pveumRoleAddCommand,
} from './pveum.js';
export { requiredPrivileges } from './required-privileges.js';
export type {
  AccessMode,
  AclPathTemplate,
  ApiEndpoint,
  CheckCondition,
  CheckEffect,
  CheckSource,
  MethodPrivileges,
  PermissionsDump,
  PrivilegeAlternative,
  PrivilegeCheck,
  PrivilegeContext,
} from './types.js';
