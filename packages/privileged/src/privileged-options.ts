import type { Binaries } from './binaries.js';

/** Options of `new Privileged(runner, options)`. */
export interface PrivilegedOptions {
  /**
   * The only directory USB file systems are mounted under (each mount point is a direct child).
   * It must exist, be owned by root and be writable only by its owner.
   */
  readonly mountBase: string;
  /**
   * How the mount step runs as root. `direct`: in this process (the agent runs as root); `helper`:
   * as the fixed command `node fstab-helper.js mount|unmount …` through the runner (sudo mode).
   * @default 'helper' when the runner is a sudo-mode `ExecRunner`, else 'direct'
   */
  readonly mountStep?: 'direct' | 'helper';
  /** The fstab edited in `direct` mode (the helper always edits /etc/fstab). @default '/etc/fstab' */
  readonly fstabPath?: string;
  /**
   * The device rule read in `direct` mode: which kinds of block device may be mounted (`allow usb
   * loop`, …; USB only when the file is missing). The helper always reads
   * `/etc/felhom/mount-devices`, a root-owned file the service user cannot choose or change.
   * @default '/etc/felhom/mount-devices'
   */
  readonly deviceRulePath?: string;
  /** Binary paths; keep them in step with the sudoers drop-in. @default the standard Debian/PVE paths */
  readonly binaries?: Partial<Binaries>;
}

/** Per-call options of every `Privileged` method. */
export interface CallOptions {
  /** Cancels the call; it rejects with a standard `AbortError`. */
  readonly signal?: AbortSignal;
  /** Milliseconds before the command is killed. @default the runner's timeout (`pct create`: 15 minutes) */
  readonly timeout?: number;
}
