/** The container's first network interface (`net0`, named `eth0`). */
export interface GoldenLXCNetwork {
  /** The bridge to attach to, e.g. `vmbr0`. */
  readonly bridge: string;
  /** `'dhcp'`, or a static IPv4 address with prefix length, e.g. `192.168.1.50/24`. */
  readonly ip: 'dhcp' | (string & {});
  /** The IPv4 gateway; only with a static `ip`. @default none */
  readonly gateway?: string;
}

/** What `Privileged.createGoldenLXC` creates: an unprivileged container with `keyctl=1`. */
export interface GoldenLXCSpec {
  /** The new guest's id, 100 to 999999999. */
  readonly vmid: number;
  /** The template volume, e.g. `local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst`. */
  readonly template: string;
  /** The container's hostname (RFC 1123, at most 253 characters). */
  readonly hostname: string;
  /** Storage id for the root file system, e.g. `local-lvm`. */
  readonly storage: string;
  /** Root file system size in GiB. @default 8 */
  readonly rootfsSizeGiB?: number;
  /** CPU cores. @default 1 */
  readonly cores?: number;
  /** Memory in MiB. @default 512 */
  readonly memoryMiB?: number;
  /** Swap in MiB. @default 512 */
  readonly swapMiB?: number;
  /** Must stay `true`: `keyctl=1` only applies to unprivileged containers. @default true */
  readonly unprivileged?: boolean;
  /** Adds `nesting=1` to the features (systemd in the guest wants it). @default true */
  readonly nesting?: boolean;
  /** The `net0` interface. */
  readonly network: GoldenLXCNetwork;
  /** OpenSSH public keys for root in the guest, one key per element. @default none */
  readonly sshPublicKeys?: readonly string[];
  /** Start the container once created. @default false */
  readonly start?: boolean;
}
