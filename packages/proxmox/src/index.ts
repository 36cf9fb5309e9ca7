/**
 * `@felhom/proxmox`: the typed Proxmox VE API client.
 *
 * @packageDocumentation
 */

/** The package's version, kept in step with package.json by the release process. */
export const VERSION = '0.1.0';

// errors
export {
  InvalidArgumentError,
  isProxmoxError,
  ProxmoxError,
  type ProxmoxErrorOptions,
  type ProxmoxErrorReason,
  ResponseShapeError,
} from './errors/index.js';

// privileges
export {
  type AccessMode,
  type AclPathTemplate,
  type ApiEndpoint,
  agentRoleName,
  agentRolePrivileges,
  type CheckCondition,
  type CheckEffect,
  type CheckSource,
  type ClientMethodName,
  checkPrivileges,
  defaultRestoreConfigKeys,
  isPrivilegeOn,
  type MethodPrivileges,
  type PermissionsDump,
  type PrivilegeCheck,
  type PrivilegeContext,
  type PrivilegeIssue,
  type PveMajorVersion,
  type PvePrivilege,
  type PveumAclOptions,
  pvePrivilegesByVersion,
  pveumAclModifyCommand,
  pveumAgentSetupCommands,
  pveumRoleAddCommand,
  requiredPrivileges,
} from './privileges/index.js';
