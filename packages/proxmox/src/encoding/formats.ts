import type { PropertyFormat, WithExtra } from './typed-format.js';

// The LXC property-string formats, key for key from the PVE 9.1 API schema
// (GET /nodes/{node}/lxc/{vmid}/config `returns`, pve-container src/PVE/LXC/Config.pm).
// Multi-word PVE keys get camelCase property names; `key` keeps the wire spelling. Ranges and
// enums are the schema's too (test/guest-config/config-constraints.test.ts compares them).

/** `netN`: a container network interface. */
export interface NetConfig extends WithExtra {
  /** Interface name inside the container (`eth0`). Required. */
  readonly name: string;
  /** Bridge to attach to (`vmbr0`). */
  readonly bridge?: string;
  /** Use the PVE firewall on this interface. */
  readonly firewall?: boolean;
  /** IPv4 gateway. */
  readonly gw?: string;
  /** IPv6 gateway. */
  readonly gw6?: string;
  /** `host-managed`: the host manages the interface's IP configuration (PVE 9.1+). */
  readonly hostManaged?: boolean;
  /** MAC address `XX:XX:XX:XX:XX:XX`. */
  readonly hwaddr?: string;
  /** `IPv4/CIDR`, `dhcp` or `manual`. */
  readonly ip?: string;
  /** `IPv6/CIDR`, `auto`, `dhcp` or `manual`. */
  readonly ip6?: string;
  /** `link_down`: disconnect the interface. */
  readonly linkDown?: boolean;
  /** MTU (64–65535). */
  readonly mtu?: number;
  /** Rate limit in MB/s. */
  readonly rate?: number;
  /** VLAN tag (1–4094). */
  readonly tag?: number;
  /** VLAN ids passed through (written `10;20`). */
  readonly trunks?: readonly number[];
  /** Interface type; PVE knows only `veth`. */
  readonly type?: string;
}

/** `netN` format. */
export const netFormat: PropertyFormat = {
  name: 'network interface',
  fields: {
    name: { key: 'name', type: 'string', required: true },
    bridge: { key: 'bridge', type: 'string' },
    firewall: { key: 'firewall', type: 'boolean' },
    gw: { key: 'gw', type: 'string' },
    gw6: { key: 'gw6', type: 'string' },
    hostManaged: { key: 'host-managed', type: 'boolean' },
    hwaddr: { key: 'hwaddr', type: 'string' },
    ip: { key: 'ip', type: 'string' },
    ip6: { key: 'ip6', type: 'string' },
    linkDown: { key: 'link_down', type: 'boolean' },
    mtu: { key: 'mtu', type: 'integer', minimum: 64, maximum: 65535 },
    rate: { key: 'rate', type: 'number' },
    tag: { key: 'tag', type: 'integer', minimum: 1, maximum: 4094 },
    trunks: { key: 'trunks', type: 'integer-list' },
    type: { key: 'type', type: 'string', enum: ['veth'] },
  },
};

/** `rootfs`: the container's root volume; its options are shared by every `mpN`. */
export interface RootFsConfig extends WithExtra {
  /**
   * Volume, device or directory. On create/update, `STORAGE:SIZE_GiB` allocates a new volume
   * (`local-lvm:8`). Written without `volume=`.
   */
  readonly volume: string;
  /** Explicitly enable or disable ACL support. */
  readonly acl?: boolean;
  /** Extra mount options (`noatime`, `nodev`, …; written `a;b`). */
  readonly mountoptions?: readonly string[];
  /** Enable user quotas. */
  readonly quota?: boolean;
  /** Include in storage replication (default true). */
  readonly replicate?: boolean;
  /** Mount read-only. */
  readonly ro?: boolean;
  /** Mark a non-volume mount point as available on all nodes. */
  readonly shared?: boolean;
  /** Volume size as PVE prints it (`8G`, `1032M`); read-only. */
  readonly size?: string;
}

/** `mpN`: a mount point. */
export interface MountPointConfig extends RootFsConfig {
  /** Path inside the container. Required. */
  readonly mp: string;
  /** Include in backups (volume mount points only). */
  readonly backup?: boolean;
}

const volumeFields = {
  volume: { key: 'volume', type: 'string', defaultKey: true, required: true },
  acl: { key: 'acl', type: 'boolean' },
  mountoptions: { key: 'mountoptions', type: 'string-list' },
  quota: { key: 'quota', type: 'boolean' },
  replicate: { key: 'replicate', type: 'boolean' },
  ro: { key: 'ro', type: 'boolean' },
  shared: { key: 'shared', type: 'boolean' },
  size: { key: 'size', type: 'string' },
} as const;

/** `rootfs` format. */
export const rootFsFormat: PropertyFormat = { name: 'root file system', fields: volumeFields };

/** `mpN` format. */
export const mountPointFormat: PropertyFormat = {
  name: 'mount point',
  fields: {
    ...volumeFields,
    mp: { key: 'mp', type: 'string', required: true },
    backup: { key: 'backup', type: 'boolean' },
  },
};

/** `features`: advanced container features, as flags. */
export interface FeaturesConfig extends WithExtra {
  /** `force_rw_sys`: mount /sys read-write in unprivileged containers. */
  readonly forceRwSys?: boolean;
  /** Allow FUSE file systems. */
  readonly fuse?: boolean;
  /** Allow keyctl() (unprivileged containers; changing it needs root@pam). */
  readonly keyctl?: boolean;
  /** Allow mknod() of some device nodes. */
  readonly mknod?: boolean;
  /** File system types that may be mounted (written `nfs;cifs`). */
  readonly mount?: readonly string[];
  /** Allow nesting (e.g. Docker, systemd sandboxing). */
  readonly nesting?: boolean;
}

/** `features` format. */
export const featuresFormat: PropertyFormat = {
  name: 'features',
  fields: {
    forceRwSys: { key: 'force_rw_sys', type: 'boolean' },
    fuse: { key: 'fuse', type: 'boolean' },
    keyctl: { key: 'keyctl', type: 'boolean' },
    mknod: { key: 'mknod', type: 'boolean' },
    mount: { key: 'mount', type: 'string-list' },
    nesting: { key: 'nesting', type: 'boolean' },
  },
};

/** `devN`: a device passed through to the container (root@pam only). */
export interface DeviceConfig extends WithExtra {
  /** Device path (`/dev/dri/renderD128`). Written without `path=`. */
  readonly path?: string;
  /** `deny-write`: read-only access. */
  readonly denyWrite?: boolean;
  /** Group id of the device node. */
  readonly gid?: number;
  /** Octal access mode (`0660`). */
  readonly mode?: string;
  /** User id of the device node. */
  readonly uid?: number;
}

/** `devN` format. */
export const deviceFormat: PropertyFormat = {
  name: 'device',
  fields: {
    path: { key: 'path', type: 'string', defaultKey: true },
    denyWrite: { key: 'deny-write', type: 'boolean' },
    gid: { key: 'gid', type: 'integer', minimum: 0 },
    mode: { key: 'mode', type: 'string' },
    uid: { key: 'uid', type: 'integer', minimum: 0 },
  },
};

/** `unusedN`: a volume detached from the container but not deleted. */
export interface UnusedVolumeConfig extends WithExtra {
  /** The volume id. Written without `volume=`. */
  readonly volume: string;
}

/** `unusedN` format. */
export const unusedFormat: PropertyFormat = {
  name: 'unused volume',
  fields: { volume: { key: 'volume', type: 'string', defaultKey: true, required: true } },
};
