// The package's errors, one per file; internal barrel re-exported selectively by src/index.ts.
export { CommandFailedError } from './command-failed-error.js';
export { CommandTimeoutError } from './command-timeout-error.js';
export { FstabError, type FstabProblem } from './fstab-error.js';
export { InvalidInputError } from './invalid-input-error.js';
export { MountDeviceError, type MountDeviceProblem } from './mount-device-error.js';
export { MountPointError } from './mount-point-error.js';
export { OutputParseError } from './output-parse-error.js';
export { OutputTooLargeError } from './output-too-large-error.js';
export { PrivilegeDeniedError, type SudoRefusal } from './privilege-denied-error.js';
export {
  isPrivilegedError,
  PrivilegedError,
  type PrivilegedErrorOptions,
  type PrivilegedErrorReason,
} from './privileged-error.js';
export { SmartctlError } from './smartctl-error.js';
export { UnsafeInstallError } from './unsafe-install-error.js';
