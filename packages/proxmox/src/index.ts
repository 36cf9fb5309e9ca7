/**
 * `@felhom/proxmox`: the typed Proxmox VE API client.
 *
 * @packageDocumentation
 */

/** The package's version, kept in step with package.json by the release process. */
export const VERSION = '0.1.0';

// client
export { ProxmoxClient, type ProxmoxClientOptions, type ProxmoxToken } from './client/index.js';
// encoding
export {
  type DeviceConfig,
  type FeaturesConfig,
  type MountPointConfig,
  type NetConfig,
  type ParamScalar,
  type PropertyStringLayout,
  parseDevice,
  parseFeatures,
  parseMountPoint,
  parseNet,
  parsePropertyString,
  parseRootFs,
  parseUnused,
  type RequestParams,
  type RootFsConfig,
  serializeDevice,
  serializeFeatures,
  serializeMountPoint,
  serializeNet,
  serializePropertyString,
  serializeRootFs,
  serializeUnused,
  toRequestParams,
  type UnusedVolumeConfig,
  type WithExtra,
} from './encoding/index.js';
// errors
export {
  AbortedError,
  APIError,
  type APIErrorInit,
  type HTTPErrorReason,
  InvalidArgumentError,
  isProxmoxError,
  NetworkError,
  type PermissionDenial,
  ProxmoxError,
  type ProxmoxErrorOptions,
  type ProxmoxErrorReason,
  parsePermissionDenial,
  ResponseShapeError,
  ResponseTooLargeError,
  reasonFromStatus,
  TaskError,
  TaskTimeoutError,
  TimeoutError,
  TLSError,
  TLSPinError,
  type UPIDField,
  UPIDParseError,
} from './errors/index.js';
// guest config
export {
  encodeGuestConfig,
  type GuestConfig,
  type GuestConfigChanges,
  type GuestConfigRaw,
  type GuestConfigScalars,
  parseGuestConfig,
} from './guest-config/index.js';
// operations
export type {
  CallOptions,
  ClusterResourcesFilter,
  DeleteSnapshotOptions,
  GuestConfigOptions,
  GuestStatusWithVmid,
  ListStorageOptions,
  NodeStorageOptions,
  RestoreLXCSpec,
  RollbackOptions,
  SetConfigOptions,
  ShutdownOptions,
  SnapshotOptions,
  StorageContentFilter,
  StorageContentType,
  TaskListFilter,
  TaskStatusFilter,
  VzdumpSpec,
} from './operations/public-types.js';
export { storageContentTypes } from './operations/public-types.js';
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
  type PrivilegeAlternative,
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
// schemas
export {
  type ClusterResource,
  type ClusterResourceType,
  CURRENT_SNAPSHOT_NAME,
  clusterResourceSchema,
  clusterResourcesSchema,
  type Guest,
  type GuestStatus,
  guestConfigRawSchema,
  guestConfigSchema,
  guestSchema,
  guestStatusSchema,
  issueFieldPath,
  lxcListSchema,
  type NodeListItem,
  type NodeStatus,
  type NodeStorage,
  nodeListItemSchema,
  nodeStatusSchema,
  nodeStorageItemSchema,
  nodeStorageSchema,
  nodesSchema,
  nullResponseSchema,
  optionalUpidStringSchema,
  type Permissions,
  type PveVersion,
  parseResponse,
  permissionsSchema,
  type ResponseSchema,
  type Snapshot,
  type SnapshotCurrentState,
  type SnapshotList,
  type StorageConfig,
  type StorageContentItem,
  snapshotListSchema,
  storageConfigSchema,
  storageContentItemSchema,
  storageContentSchema,
  storageListSchema,
  type TaskListItem,
  taskListItemSchema,
  taskListSchema,
  upidStringSchema,
  versionSchema,
} from './schemas/index.js';
// tasks
export {
  type APIRequester,
  classifyExitStatus,
  type ExitClass,
  type TaskCallOptions,
  type TaskLogLine,
  type TaskLogOptions,
  type TaskProgress,
  type TaskResult,
  type TaskStatus,
  taskErrorTailLines,
  taskLogLineSchema,
  taskStatusSchema,
  type UPIDInput,
  type WaitTaskOptions,
} from './tasks/index.js';
// tls
export type { TLSOptions } from './tls/index.js';
// transport
export {
  encodePathSegment,
  type HTTPMethod,
  type ParameterValue,
  type ProxmoxLogEvent,
  type ProxmoxLogger,
  type ProxmoxResponse,
  type RequestOptions,
  type RequestParameters,
  type RetryOptions,
} from './transport/index.js';
// upid
export { formatUPID, parseUPID, type UPID, type UPIDFields } from './upid/index.js';
// validation
export {
  assertNodeName,
  assertSnapshotName,
  assertStorageId,
  assertVmid,
  assertVolumeId,
  isTokenId,
  tokenIdProblem,
} from './validation/index.js';
