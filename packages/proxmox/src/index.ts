/**
 * `@felhom/proxmox`: the typed Proxmox VE API client.
 *
 * @packageDocumentation
 */

/** The package's version, kept in step with package.json by the release process. */
export const VERSION = '0.1.0';

// The root holds what a user calls and catches: the client and its options, the errors, UPIDs
// and the main results. Everything else is on a subpath (docs/api.md, "Subpaths"):
// ./options, ./schemas, ./privileges, ./encoding, ./validation, ./errors, ./tasks, ./testing.

// client
export { ProxmoxClient, type ProxmoxClientOptions, type ProxmoxToken } from './client/index.js';
// errors
export {
  AbortedError,
  APIError,
  type HTTPErrorReason,
  InvalidArgumentError,
  isProxmoxError,
  NetworkError,
  type PermissionDenial,
  ProxmoxError,
  type ProxmoxErrorReason,
  ResponseShapeError,
  ResponseTooLargeError,
  TaskError,
  TaskTimeoutError,
  TimeoutError,
  TLSError,
  TLSPinError,
  UPIDParseError,
} from './errors/index.js';
// results
export type { GuestConfig, GuestConfigChanges } from './guest-config/index.js';
export type { CallOptions, GuestStatusWithVmid } from './operations/public-types.js';
export type {
  ClusterResource,
  Guest,
  GuestStatus,
  NodeListItem,
  NodeStatus,
  NodeStorage,
  Permissions,
  PveVersion,
  Snapshot,
  SnapshotList,
  StorageConfig,
  StorageContentItem,
  TaskListItem,
  VirtualMachine,
  VMStatus,
} from './schemas/index.js';
export type { APIRequester, TaskLogLine, TaskResult, TaskStatus, UPIDInput } from './tasks/index.js';
export type { TLSOptions } from './tls/index.js';
export type { ProxmoxLogEvent, ProxmoxLogger, RetryOptions } from './transport/index.js';
// request()
export {
  encodePathSegment,
  type HTTPMethod,
  type ProxmoxResponse,
  type RequestOptions,
  type RequestParameters,
} from './transport/index.js';
// UPIDs
export { formatUPID, parseUPID, type UPID, type UPIDFields } from './upid/index.js';
export type { VMConfig, VMConfigChanges } from './vm-config/index.js';
