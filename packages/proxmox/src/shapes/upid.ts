/**
 * A parsed task id (UPID) of Proxmox VE, or of Proxmox Backup Server (seen inside storage
 * content `verification`). Build one with `parseUPID`, turn it back with `formatUPID`.
 */
export interface UPID {
  /** `pve` for PVE's 7-field form, `pbs` for the Backup Server form with a task-id field. */
  readonly kind: 'pve' | 'pbs';
  /** The node that runs the task; task status and log are read there. */
  readonly node: string;
  /** The worker's process id. */
  readonly pid: number;
  /** The worker's process start time in clock ticks since boot (may exceed 32 bits). */
  readonly pstart: number;
  /** PBS only: the server's task counter. */
  readonly taskId?: number;
  /** When the task started (second precision). */
  readonly starttime: Date;
  /** The worker type, e.g. `vzcreate`, `vzdump`, `vzstart`, `hastart`, `imgdel`. */
  readonly type: string;
  /** The task's object id, usually the vmid; may be `''` (e.g. `aptupdate`, multi-guest `vzdump`). */
  readonly id: string;
  /** The user, `user@realm`, without the token part. */
  readonly user: string;
  /** The API token name when a token started the task (`user@realm!tokenId`). */
  readonly tokenId?: string;
  /** The exact string this was parsed from (`formatUPID` output for a built one). */
  readonly raw: string;
}
