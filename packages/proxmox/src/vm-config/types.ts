import type { EFIDiskConfig, TPMStateConfig, VMAgentConfig, VMDriveConfig } from '../encoding/vm-formats.js';
import type { VMNetConfig } from '../encoding/vm-net.js';
import type { VMDriveKey } from './keys.js';

/** Typed scalar keys of a VM config (absent when not set). */
export interface VMConfigScalars {
  /** The VM's name (a DNS name). */
  readonly name?: string;
  /** Free-text description (may span lines). */
  readonly description?: string;
  /** Guest OS type (`l26`, `win11`, …). */
  readonly ostype?: string;
  /** `seabios` or `ovmf` (UEFI). */
  readonly bios?: string;
  /** Machine type (`q35`, `pc-q35-9.2+pve1`, with options such as `,viommu=virtio`). */
  readonly machine?: string;
  /** CPU type and flags (`host`, `x86-64-v2-AES`). */
  readonly cpu?: string;
  /** Boot order (`order=scsi0;ide2;net0`). */
  readonly boot?: string;
  /** SCSI controller (`virtio-scsi-single`, …). */
  readonly scsihw?: string;
  /** Display (`std`, `serial0`, `qxl,memory=32`). */
  readonly vga?: string;
  /** Hot-plug features (`network,disk,usb`). */
  readonly hotplug?: string;
  /** Startup order (`order=1,up=30`). */
  readonly startup?: string;
  /** The VM generation id (a UUID; changes on rollback). */
  readonly vmgenid?: string;
  /** SMBIOS type 1 fields (`uuid=…`). */
  readonly smbios1?: string;
  /** Keyboard layout of the VNC console. */
  readonly keyboard?: string;
  /** Emulated CPU architecture (`x86_64`, `aarch64`). */
  readonly arch?: string;
  /** Cloud-init: the config drive format. */
  readonly citype?: string;
  /** Cloud-init: the user. */
  readonly ciuser?: string;
  /** Cloud-init: the password (PVE shows `**********`). */
  readonly cipassword?: string;
  /** Cloud-init: DNS servers. */
  readonly nameserver?: string;
  /** Cloud-init: DNS search domains. */
  readonly searchdomain?: string;
  /** Cloud-init: SSH public keys, URL-encoded. */
  readonly sshkeys?: string;
  /** Storage for the RAM state of snapshots with `vmstate`. */
  readonly vmstatestorage?: string;
  /** Hook script volume id. */
  readonly hookscript?: string;
  /** Config lock (`backup`, `snapshot`, `suspended`, …) while a task holds the VM. */
  readonly lock?: string;
  /** The snapshot the config is based on. */
  readonly parent?: string;
  /** Creation metadata (`creation-qemu=9.2.0,ctime=…`). */
  readonly meta?: string;
  /** Snapshot configs only: the volume holding the saved RAM. */
  readonly vmstate?: string;
  /** CPU cores per socket. */
  readonly cores?: number;
  /** CPU sockets. */
  readonly sockets?: number;
  /** Hot-plugged vCPUs. */
  readonly vcpus?: number;
  /** CPU weight. */
  readonly cpuunits?: number;
  /** Ballooning target in MiB (`0` turns ballooning off). */
  readonly balloon?: number;
  /** Memory shares for auto-ballooning. */
  readonly shares?: number;
  /** Snapshot configs only: when it was taken (seconds since the epoch). */
  readonly snaptime?: number;
  /** CPU limit (PVE sends it as a string, e.g. `"1.5"`). */
  readonly cpulimit?: number;
  /** Memory in MiB (the `current` of PVE's memory property string). */
  readonly memory?: number;
  /** Start at boot. */
  readonly onboot?: boolean;
  /** Protected from removal. */
  readonly protection?: boolean;
  /** Is a template. */
  readonly template?: boolean;
  /** Hardware virtualisation (default true). */
  readonly kvm?: boolean;
  /** ACPI (default true). */
  readonly acpi?: boolean;
  /** A USB tablet for absolute pointing (default true). */
  readonly tablet?: boolean;
  /** The RTC in local time. */
  readonly localtime?: boolean;
  /** NUMA. */
  readonly numa?: boolean;
  /** Restart after a crash (deprecated). */
  readonly autostart?: boolean;
  /** Let a reboot in the guest reboot the VM (default true). */
  readonly reboot?: boolean;
  /** Freeze the CPU at start. */
  readonly freeze?: boolean;
  /** Cloud-init: upgrade packages at first boot. */
  readonly ciupgrade?: boolean;
}

/** A VM config as `vmConfig(node, vmid)` returns it, the property strings that matter parsed. */
export interface VMConfig extends VMConfigScalars {
  /** SHA-1 of the config file; pass it to `setVMConfig` so a concurrent edit is refused. */
  readonly digest: string;
  /** Tags (`;`-separated on the wire); `[]` when none. */
  readonly tags: readonly string[];
  /** Disks and CD-ROMs by key (`scsi0`, `virtio1`, `ide2`, `sata0`). */
  readonly drives: Readonly<Partial<Record<VMDriveKey, VMDriveConfig>>>;
  /** The UEFI variables disk of an OVMF VM. */
  readonly efidisk0?: EFIDiskConfig;
  /** The TPM state disk. */
  readonly tpmstate0?: TPMStateConfig;
  /** `net0`…`net31` keyed by index. */
  readonly nets: Readonly<Record<number, VMNetConfig>>;
  /** `unused0`… volume ids keyed by index. */
  readonly unused: Readonly<Record<number, string>>;
  /** The guest agent settings. */
  readonly agent?: VMAgentConfig;
  /** Keys this SDK does not model, verbatim (`hostpci0`, `serial0`, `ipconfig0`, `args`, …). */
  readonly extra: Readonly<Record<string, string | number>>;
}

/** Every field optional and `undefined`-tolerant: an `undefined` change is simply not sent. */
type Changes<T> = { readonly [K in keyof T]?: T[K] | undefined };

/**
 * Changes to a VM config (for `setVMConfig`, and `restoreVM` over the backed-up config): typed
 * scalars (without what only the host writes: `parent`, `snaptime`, `meta`, `vmstate`), tags, and
 * property-string objects serialised for you. Every value is checked against the PVE API schema
 * before sending. `extra` passes other keys through (`ipconfig0`, `serial0`, …).
 */
export interface VMConfigChanges
  extends Changes<Omit<VMConfigScalars, 'parent' | 'snaptime' | 'meta' | 'vmstate'>> {
  /** Tags, written `a;b`. */
  readonly tags?: readonly string[] | undefined;
  /** Drives by key; a new disk is `{ file: 'local-lvm:32' }` (32 GiB on `local-lvm`). */
  readonly drives?: Readonly<Partial<Record<VMDriveKey, VMDriveConfig>>> | undefined;
  /** The EFI disk (`{ file: 'local-lvm:1', efitype: '4m' }` allocates one). */
  readonly efidisk0?: EFIDiskConfig | undefined;
  /** The TPM state disk (`{ file: 'local-lvm:1', version: 'v2.0' }` allocates one). */
  readonly tpmstate0?: TPMStateConfig | undefined;
  /** Network devices by index (0–31). */
  readonly nets?: Readonly<Record<number, VMNetConfig>> | undefined;
  /** Unused volumes by index (0–255). */
  readonly unused?: Readonly<Record<number, string>> | undefined;
  /** The guest agent settings. */
  readonly agent?: VMAgentConfig | undefined;
  /** Other config keys, passed as given (booleans become 1/0). */
  readonly extra?: Readonly<Record<string, string | number | boolean>> | undefined;
}
