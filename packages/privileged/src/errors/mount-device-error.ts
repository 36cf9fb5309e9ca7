import { PrivilegedError } from './privileged-error.js';

/**
 * Why a block device was not mounted:
 *
 * - `absent`: no block device carries the UUID (the disk is unplugged, or the UUID is wrong).
 * - `ambiguous`: more than one device carries it (a cloned disk); mounting either would be a guess.
 * - `wrong-type`: the device holds another file system type than requested (or several signatures).
 * - `not-allowed`: the device's kind (how it is attached) is not in the operator's device rule.
 * - `in-use`: the disk is busy with something that must not be touched: a mounted file system
 *   outside the mount base, an LVM physical volume, a ZFS or RAID member, swap, a device-mapper
 *   or md holder, or a Proxmox VE storage.
 * - `policy`: the device rule file is unsafe (others may write it) or cannot be read.
 * - `not-mounted`: `mount` reported success but `/proc/self/mountinfo` does not show the device
 *   at the mount point with `nosuid,nodev,noexec`; anything mounted there was undone.
 */
export type MountDeviceProblem =
  | 'absent'
  | 'ambiguous'
  | 'wrong-type'
  | 'not-allowed'
  | 'in-use'
  | 'policy'
  | 'not-mounted';

/** The block device behind a UUID may not be mounted, or the mount could not be confirmed. */
export class MountDeviceError extends PrivilegedError {
  override name = 'MountDeviceError';
  override readonly reason = 'mount-device' as const;
  /** The file system UUID requested. */
  readonly uuid: string;
  /** The block device it resolved to, when it resolved to one. */
  readonly device: string | undefined;
  /** Which rule refused it; see {@link MountDeviceProblem}. */
  readonly problem: MountDeviceProblem;

  constructor(uuid: string, device: string | undefined, problem: MountDeviceProblem, detail: string) {
    super(`not mounting UUID=${uuid}${device ? ` (${device})` : ''}: ${detail}`);
    this.uuid = uuid;
    this.device = device;
    this.problem = problem;
  }
}
