import type { ScalarKind } from '../guest-config/keys.js';

// The VM config keys VMConfig types, with how PVE sends them (qemu-server
// `PVE::QemuServer::parse_vm_config` then `check_type`): integers and 0/1 booleans as JSON numbers,
// `cpulimit` as a string, everything else as strings. Older hosts sent numbers as strings too.

/** Scalar keys VMConfig exposes typed; everything not here (and not indexed) goes to `extra`. */
export const vmScalarKeys = {
  name: 'string',
  description: 'string',
  ostype: 'string',
  bios: 'string',
  machine: 'string',
  cpu: 'string',
  boot: 'string',
  scsihw: 'string',
  vga: 'string',
  hotplug: 'string',
  startup: 'string',
  vmgenid: 'string',
  smbios1: 'string',
  keyboard: 'string',
  arch: 'string',
  citype: 'string',
  ciuser: 'string',
  cipassword: 'string',
  nameserver: 'string',
  searchdomain: 'string',
  sshkeys: 'string',
  vmstatestorage: 'string',
  hookscript: 'string',
  lock: 'string',
  parent: 'string',
  meta: 'string',
  vmstate: 'string',
  cores: 'integer',
  sockets: 'integer',
  vcpus: 'integer',
  cpuunits: 'integer',
  balloon: 'integer',
  shares: 'integer',
  snaptime: 'integer',
  cpulimit: 'number',
  onboot: 'boolean',
  protection: 'boolean',
  template: 'boolean',
  kvm: 'boolean',
  acpi: 'boolean',
  tablet: 'boolean',
  localtime: 'boolean',
  numa: 'boolean',
  autostart: 'boolean',
  reboot: 'boolean',
  freeze: 'boolean',
  ciupgrade: 'boolean',
} as const satisfies Record<string, ScalarKind>;

/** How many drives of each bus PVE allows (qemu-server `Drive.pm` `$MAX_*_DISKS`). */
export const vmDriveBusLimits = { ide: 4, sata: 6, scsi: 31, virtio: 16 } as const;

/** A VM drive key: `scsi0`…`scsi30`, `virtio0`…`virtio15`, `ide0`…`ide3`, `sata0`…`sata5`. */
export type VMDriveKey = `${keyof typeof vmDriveBusLimits}${number}`;

/** Matches a drive key and captures its bus and index. */
export const vmDriveKeyPattern = /^(ide|sata|scsi|virtio)(0|[1-9]\d?)$/;

/** Whether `key` is a drive key PVE accepts (index within the bus's range). */
export function isVMDriveKey(key: string): key is VMDriveKey {
  const match = vmDriveKeyPattern.exec(key);
  if (!match) return false;
  return Number(match[2]) < vmDriveBusLimits[match[1] as keyof typeof vmDriveBusLimits];
}

/** Indexed keys besides drives, and how many PVE allows (`$MAX_NETS`, `$MAX_UNUSED_DISKS`). */
export const vmIndexedKeyLimits = { net: 32, unused: 256 } as const;

/** Matches `net0`, `unused3`. */
export const vmIndexedKeyPattern = /^(net|unused)(0|[1-9]\d{0,2})$/;
