// The package's errors. Each file holds one error; this barrel is internal to the package and
// re-exported selectively by src/index.ts.
export { AbortedError } from './aborted-error.js';
export { APIError, type APIErrorInit } from './api-error.js';
export { InvalidArgumentError } from './invalid-argument-error.js';
export { NetworkError } from './network-error.js';
export { type PermissionDenial, parsePermissionDenial } from './permission-denial.js';
export {
  isProxmoxError,
  ProxmoxError,
  type ProxmoxErrorOptions,
  type ProxmoxErrorReason,
} from './proxmox-error.js';
export { type HTTPErrorReason, reasonFromStatus } from './reason-from-status.js';
export { ResponseShapeError } from './response-shape-error.js';
export { ResponseTooLargeError } from './response-too-large-error.js';
export { TaskError } from './task-error.js';
export { TaskTimeoutError } from './task-timeout-error.js';
export { TimeoutError } from './timeout-error.js';
export { TLSError } from './tls-error.js';
export { TLSPinError } from './tls-pin-error.js';
export { type UPIDField, UPIDParseError } from './upid-parse-error.js';
