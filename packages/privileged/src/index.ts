/**
 * `@felhom/privileged`: the fenced root side of the felhom host agent. The operations a Proxmox
 * API token cannot do (golden `pct create` with keyctl, USB mounts + fstab, SMART), plus sensors,
 * run as commands through a {@link Runner}: directly as root, or through a narrow sudo allowlist.
 * This package never speaks HTTP and never imports `@felhom/proxmox`.
 *
 * @packageDocumentation
 */

/** The package's version, kept in step with package.json by the release process. */
export const VERSION = '0.1.0';

// privileged
export type { Binaries } from './binaries.js';
export {
  CommandFailedError,
  CommandTimeoutError,
  FstabError,
  type FstabProblem,
  InvalidInputError,
  isPrivilegedError,
  MountDeviceError,
  type MountDeviceProblem,
  MountPointError,
  OutputParseError,
  OutputTooLargeError,
  PrivilegeDeniedError,
  PrivilegedError,
  type PrivilegedErrorOptions,
  type PrivilegedErrorReason,
  SmartctlError,
  type SudoRefusal,
  UnsafeInstallError,
} from './errors/index.js';
export type { GoldenLXCNetwork, GoldenLXCSpec } from './lxc/golden-lxc-spec.js';
export {
  type FileSystemType,
  fileSystemTypes,
  type MountOption,
  mountOptionNames,
  type USBMountResult,
  type USBMountSpec,
  type USBUnmountResult,
} from './mount/mount-spec.js';
export { type GoldenLXCResult, Privileged } from './privileged.js';
export type { CallOptions, PrivilegedOptions } from './privileged-options.js';
export { ExecRunner, type ExecRunnerOptions } from './runner/exec-runner.js';
export type { Command, Runner, RunOptions, RunResult } from './runner/types.js';
export type { FanReading, SensorChip, SensorsReport, TemperatureReading } from './sensors/sensors-report.js';
export type { SmartExitStatus } from './smart/exit-status.js';
export type {
  AtaHealth,
  FailingAttribute,
  NvmeHealth,
  SmartHealth,
  SmartMessage,
  SmartReport,
  SmartScanDevice,
} from './smart/smart-report.js';
export { type SudoersAllowlistOptions, sudoersAllowlist } from './sudoers/sudoers-allowlist.js';
