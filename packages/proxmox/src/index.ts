/**
 * `@felhom/proxmox`: the typed Proxmox VE API client.
 *
 * @packageDocumentation
 */

/** The package's version, kept in step with package.json by the release process. */
export const VERSION = '0.1.0';

// client
export { ProxmoxClient, type ProxmoxClientOptions, type ProxmoxToken } from './client/index.js';
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
  reasonFromStatus,
  TaskError,
  TaskTimeoutError,
  TimeoutError,
  TLSError,
  TLSPinError,
  type UPIDField,
  UPIDParseError,
} from './errors/index.js';
// tasks
export {
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
