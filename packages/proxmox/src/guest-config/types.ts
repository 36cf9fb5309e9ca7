import type {
  DeviceConfig,
  FeaturesConfig,
  MountPointConfig,
  NetConfig,
  RootFsConfig,
} from '../encoding/formats.js';

/** Typed scalar keys of a container config (absent when not set). */
export interface GuestConfigScalars {
  /** Host name. */
  readonly hostname?: string;
  /** OS architecture (`amd64`, `arm64`, …). */
  readonly arch?: string;
  /** OS type (`debian`, `alpine`, …). */
  readonly ostype?: string;
  /** Console mode (`tty`, `console`, `shell`). */
  readonly cmode?: string;
  /** Free-text description (may span lines). */
  readonly description?: string;
  /** DNS servers (space-separated). */
  readonly nameserver?: string;
  /** DNS search domains. */
  readonly searchdomain?: string;
  /** Config lock (`backup`, `snapshot`, `create`, …) while a task holds the guest. */
  readonly lock?: string;
  /** Time zone. */
  readonly timezone?: string;
  /** Startup order (`order=1,up=30`). */
  readonly startup?: string;
  /** Hook script volume id. */
  readonly hookscript?: string;
  /** Init command (PVE 9.1). */
  readonly entrypoint?: string;
  /** Environment, NUL-separated (PVE 9.1; absent without VM.Config.Options). */
  readonly env?: string;
  /** The snapshot the config is based on. */
  readonly parent?: string;
  /** Snapshot time (only in snapshot configs). */
  readonly snaptime?: number;
  /** CPU cores. */
  readonly cores?: number;
  /** Memory in MiB. */
  readonly memory?: number;
  /** Swap in MiB. */
  readonly swap?: number;
  /** CPU weight. */
  readonly cpuunits?: number;
  /** Number of ttys. */
  readonly tty?: number;
  /** CPU limit (PVE sends it as a string, e.g. `"1.5"`). */
  readonly cpulimit?: number;
  /** Start at boot. */
  readonly onboot?: boolean;
  /** Protected from removal. */
  readonly protection?: boolean;
  /** Unprivileged container. */
  readonly unprivileged?: boolean;
  /** Is a template. */
  readonly template?: boolean;
  /** Attach /dev/console. */
  readonly console?: boolean;
  /** Verbose debug logging. */
  readonly debug?: boolean;
}

/** A container config as `guestConfig(node, vmid)` returns it, property strings parsed. */
export interface GuestConfig extends GuestConfigScalars {
  /** SHA-1 of the config file; pass it to `setConfig` so a concurrent edit is refused. */
  readonly digest: string;
  /** Tags (`;`-separated on the wire); `[]` when none. */
  readonly tags: readonly string[];
  /** The root volume. */
  readonly rootfs?: RootFsConfig;
  /** `mp0`…`mp255` keyed by index. */
  readonly mountPoints: Readonly<Record<number, MountPointConfig>>;
  /** `net0`…`net31` keyed by index. */
  readonly nets: Readonly<Record<number, NetConfig>>;
  /** `unused0`… volume ids keyed by index. */
  readonly unused: Readonly<Record<number, string>>;
  /** `dev0`… passed-through devices keyed by index. */
  readonly devices: Readonly<Record<number, DeviceConfig>>;
  /** Feature flags; `{}` when none are set. */
  readonly features: FeaturesConfig;
  /** Raw `lxc.*` lines as `[key, value]` pairs (root-only settings). */
  readonly lxc: readonly (readonly [string, string])[];
  /** Keys this SDK does not model, verbatim. */
  readonly extra: Readonly<Record<string, string | number>>;
}

/** Every field optional and `undefined`-tolerant: an `undefined` change is simply not sent. */
type Changes<T> = { readonly [K in keyof T]?: T[K] | undefined };

/**
 * Changes to a container config (for `setConfig` and create/restore): typed scalars (without the
 * read-only `parent` and `snaptime`), tags, and property-string objects that are serialised for
 * you. Every value is checked against the PVE API schema before sending. `extra` passes other
 * keys through.
 */
export interface GuestConfigChanges extends Changes<Omit<GuestConfigScalars, 'parent' | 'snaptime'>> {
  /** Tags, written `a;b`. */
  readonly tags?: readonly string[] | undefined;
  /** The root volume (`{ volume: 'local-lvm:8' }` allocates 8 GiB on create). */
  readonly rootfs?: RootFsConfig | undefined;
  /** Mount points by index (0–255). */
  readonly mountPoints?: Readonly<Record<number, MountPointConfig>> | undefined;
  /** Network interfaces by index (0–31). */
  readonly nets?: Readonly<Record<number, NetConfig>> | undefined;
  /** Unused volumes by index (0–255). */
  readonly unused?: Readonly<Record<number, string>> | undefined;
  /** Devices by index (0–255). */
  readonly devices?: Readonly<Record<number, DeviceConfig>> | undefined;
  /** Feature flags. */
  readonly features?: FeaturesConfig | undefined;
  /** Other config keys, passed as given (booleans become 1/0). */
  readonly extra?: Readonly<Record<string, string | number | boolean>> | undefined;
}
