import type { SimConfigKeyKind } from '../model/config-file.js';
import type { SimParamSpec } from './params.js';

/**
 * The VM config options `POST /nodes/{node}/qemu` and `PUT|POST …/qemu/{vmid}/config` accept
 * (PVE 9.1 qemu-server `json_config_properties`), typed as the schema types them. Property strings
 * are checked as strings; their inner keys are the client's concern.
 */

const str: SimParamSpec = { type: 'string', optional: true };
const bool: SimParamSpec = { type: 'boolean', optional: true };
/** An enumeration, written as one space-separated string to keep long ones on a line. */
const enumOf = (values: string): SimParamSpec => ({
  type: 'string',
  optional: true,
  enum: values.split(' '),
});
const int = (minimum: number, maximum?: number): SimParamSpec => ({
  type: 'integer',
  optional: true,
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});

const BOOLEAN_KEYS = [
  'acpi',
  'allow-ksm',
  'autostart',
  'ciupgrade',
  'freeze',
  'keephugepages',
  'kvm',
  'localtime',
  'numa',
  'onboot',
  'protection',
  'reboot',
  'tablet',
  'tdf',
  'template',
];
const STRING_KEYS = [
  'affinity',
  'agent',
  'amd-sev',
  'args',
  'audio0',
  'boot',
  'cdrom',
  'cicustom',
  'cipassword',
  'ciuser',
  'cpu',
  'efidisk0',
  'hookscript',
  'hotplug',
  'intel-tdx',
  'ivshmem',
  'machine',
  'memory',
  'name',
  'nameserver',
  'rng0',
  'searchdomain',
  'spice_enhancements',
  'sshkeys',
  'startup',
  'tags',
  'tpmstate0',
  'vga',
  'vmstatestorage',
  'watchdog',
];

export const QEMU_OPTIONS: Readonly<Record<string, SimParamSpec>> = {
  ...Object.fromEntries(BOOLEAN_KEYS.map((key) => [key, bool])),
  ...Object.fromEntries(STRING_KEYS.map((key) => [key, str])),
  arch: enumOf('x86_64 aarch64'),
  balloon: int(0),
  migrate_speed: int(0),
  bios: enumOf('seabios ovmf'),
  bootdisk: { type: 'string', optional: true, pattern: /(ide|sata|scsi|virtio)\d+/ },
  citype: enumOf('configdrive2 nocloud opennebula'),
  cores: int(1),
  smp: int(1),
  sockets: int(1),
  vcpus: int(1),
  cpulimit: { type: 'number', optional: true, minimum: 0, maximum: 128 },
  cpuunits: int(1, 262_144),
  description: { type: 'string', optional: true, maxLength: 8192 },
  hugepages: enumOf('any 2 1024'),
  keyboard: enumOf(
    'de de-ch da en-gb en-us es fi fr fr-be fr-ca fr-ch hu is it ja lt mk nl no pl pt pt-br sv sl tr',
  ),
  lock: enumOf('backup clone create migrate rollback snapshot snapshot-delete suspending suspended'),
  migrate_downtime: { type: 'number', optional: true, minimum: 0 },
  ostype: enumOf('other wxp w2k w2k3 w2k8 wvista win7 win8 win10 win11 l24 l26 solaris'),
  scsihw: enumOf('lsi lsi53c810 virtio-scsi-pci virtio-scsi-single megasas pvscsi'),
  shares: int(0, 50_000),
  smbios1: { type: 'string', optional: true, maxLength: 512 },
  startdate: {
    type: 'string',
    optional: true,
    pattern: /(now|\d{4}-\d{1,2}-\d{1,2}(T\d{1,2}:\d{1,2}:\d{1,2})?)/,
  },
  vmgenid: {
    type: 'string',
    optional: true,
    pattern: /(?:[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}|[01])/,
  },
};

const INDEXED: readonly (readonly [RegExp, number, SimParamSpec])[] = [
  [/^ide(\d+)$/, 4, str],
  [/^sata(\d+)$/, 6, str],
  [/^scsi(\d+)$/, 31, str],
  [/^virtio(\d+)$/, 16, str],
  [/^net(\d+)$/, 32, str],
  [/^ipconfig(\d+)$/, 32, str],
  [/^unused(\d+)$/, 256, str],
  [/^usb(\d+)$/, 14, str],
  [/^hostpci(\d+)$/, 16, str],
  [/^numa(\d+)$/, 8, str],
  [/^virtiofs(\d+)$/, 10, str],
  [/^serial(\d+)$/, 4, { type: 'string', optional: true, pattern: /(\/dev\/.+|socket)/ }],
  [/^parallel(\d+)$/, 3, { type: 'string', optional: true, pattern: /\/dev\/parport\d+|\/dev\/usb\/lp\d+/ }],
];

/** Schema for the indexed options (`scsi0`–`scsi30`, `net0`–`net31`, …); `undefined` for other names. */
export function qemuIndexedOption(name: string): SimParamSpec | undefined {
  for (const [re, max, spec] of INDEXED) {
    const m = re.exec(name);
    if (m && Number(m[1]) < max && String(Number(m[1])) === m[1]) return spec;
  }
  return undefined;
}

const INTEGER_KEYS = new Set([
  'balloon',
  'migrate_speed',
  'cores',
  'smp',
  'sockets',
  'vcpus',
  'cpuunits',
  'shares',
]);
const BOOLEAN_KEY_SET = new Set(BOOLEAN_KEYS);

/** How `check_type` reads a VM config key (`memory` is a property string, so text). */
export function qemuKeyKind(key: string): SimConfigKeyKind {
  if (INTEGER_KEYS.has(key)) return 'integer';
  return BOOLEAN_KEY_SET.has(key) ? 'boolean' : 'string';
}

/** What only `POST /nodes/{node}/qemu` takes besides the config options. */
export const QEMU_CREATE_ONLY: Readonly<Record<string, SimParamSpec>> = {
  archive: { type: 'string', optional: true, maxLength: 255 },
  storage: { type: 'string', format: 'pve-storage-id', optional: true },
  force: bool,
  unique: bool,
  'live-restore': bool,
  pool: str,
  bwlimit: int(0),
  start: bool,
  'ha-managed': bool,
  'import-working-storage': { type: 'string', format: 'pve-storage-id', optional: true },
};
