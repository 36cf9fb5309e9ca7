import type { SmartExitStatus } from '../smart/exit-status.js';
import { PrivilegedError } from './privileged-error.js';

/**
 * smartctl ran but could not read the device (exit status bits 0–1: bad command line, or the
 * device could not be opened or identified, e.g. a virtio disk without SMART). Carries smartctl's
 * own messages and the decoded status.
 */
export class SmartctlError extends PrivilegedError {
  override name = 'SmartctlError';
  override readonly reason = 'command-failed' as const;
  /** The device path. */
  readonly device: string;
  /** The decoded exit status. */
  readonly exitStatus: SmartExitStatus;
  /** smartctl's messages (`smartctl.messages[].string`). */
  readonly messages: readonly string[];

  constructor(device: string, exitStatus: SmartExitStatus, messages: readonly string[]) {
    const said = messages.length > 0 ? messages.join('; ') : 'no message';
    super(`smartctl could not read ${device} (exit status ${exitStatus.code}): ${said}`);
    this.device = device;
    this.exitStatus = exitStatus;
    this.messages = messages;
  }
}
