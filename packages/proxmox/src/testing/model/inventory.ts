import type { SimSnapshot } from './config-file.js';

/** A cluster node. */
export interface SimNode {
  readonly name: string;
  /** Offline nodes answer every call proxied to them with 595 (No route to host). */
  online: boolean;
  /**
   * When it booted, on the cluster's elapsed-time scale (`SimulatedCluster.elapsed()`, ms): negative,
   * since nodes were up before the simulator started. Its `uptime` and task `pstart` derive from it.
   */
  readonly bootedAt: number;
  readonly maxcpu: number;
  /** Bytes. */
  readonly maxmem: number;
  /** Bytes of the root file system. */
  readonly maxdisk: number;
  /** `AB:CD:…` SHA-256 fingerprint listed as `ssl_fingerprint`. */
  readonly sslFingerprint: string;
  /** The node's corosync ring address (`ip` in `GET /cluster/status`). */
  readonly ip: string;
  /** The node's id in the corosync configuration (1, 2, …). */
  readonly nodeid: number;
}

/**
 * A guest: an LXC container or a QEMU virtual machine. The config file as the host stores it,
 * plus runtime state.
 */
export interface SimGuest {
  readonly vmid: number;
  /** `lxc` (`/etc/pve/nodes/<node>/lxc/<vmid>.conf`) or `qemu` (`…/qemu-server/<vmid>.conf`). */
  readonly type: 'lxc' | 'qemu';
  node: string;
  /** Raw config keys as `<vmid>.conf` holds them (`lock`, `parent` included). */
  config: Map<string, string>;
  /**
   * The `[PENDING]` section (QEMU): changes to a running VM that take effect when it next starts.
   * Its `delete` key lists the options to remove then. Empty or absent when nothing is pending.
   */
  pending?: Map<string, string>;
  /** Snapshot sections of the config file. */
  readonly snapshots: Map<string, SimSnapshot>;
  status: 'running' | 'stopped';
  /** When it was started, on the cluster's elapsed-time scale (ms), for `uptime`. */
  startedAt: number | undefined;
  pid: number | undefined;
}

/** A storage from `storage.cfg`. */
export interface SimStorage {
  readonly id: string;
  readonly type: 'dir' | 'lvmthin' | 'nfs';
  readonly content: readonly string[];
  readonly shared: boolean;
  /** Plugin keys as storage.cfg holds them (`path`, `thinpool`, `vgname`, `server`, `export`, `prune-backups`). */
  readonly properties: Readonly<Record<string, string>>;
  /** Bytes of capacity on each node (or of the share). */
  readonly total: number;
  /** Bytes already used by things the model does not list. */
  readonly baseUsed: number;
}

/** A volume on a storage. */
export interface SimVolume {
  readonly volid: string;
  readonly storage: string;
  /** The node whose local storage holds it; `undefined` on shared storages. */
  readonly node: string | undefined;
  /** `images` are VM disks, `rootdir` container volumes. */
  readonly content: 'vztmpl' | 'backup' | 'rootdir' | 'images' | 'iso';
  readonly format: string;
  readonly size: number;
  /** Seconds since the epoch. */
  readonly ctime: number;
  readonly vmid?: number;
  readonly notes?: string;
  /** For backups: the guest type the archive holds. */
  readonly subtype?: 'lxc' | 'qemu';
  /** For backups: the guest config the archive holds (restores start from it). */
  readonly backupConfig?: ReadonlyMap<string, string>;
}
