import type { SimParamSpec } from './params.js';

/**
 * The container config options `POST /nodes/{node}/lxc` and `PUT …/config` accept (PVE 9.1
 * `PVE::LXC::Config` `$confdesc`), typed the way the schema types them. Property strings are
 * checked as strings; their inner keys are the client's concern.
 */
const str: SimParamSpec = { type: 'string', optional: true };
const bool: SimParamSpec = { type: 'boolean', optional: true };

export const LXC_OPTIONS: Readonly<Record<string, SimParamSpec>> = {
  arch: { type: 'string', optional: true, enum: ['amd64', 'i386', 'arm64', 'armhf', 'riscv32', 'riscv64'] },
  cmode: { type: 'string', optional: true, enum: ['shell', 'console', 'tty'] },
  console: bool,
  cores: { type: 'integer', optional: true, minimum: 1, maximum: 8192 },
  cpulimit: { type: 'number', optional: true, minimum: 0, maximum: 8192 },
  cpuunits: { type: 'integer', optional: true, minimum: 0, maximum: 500_000 },
  debug: bool,
  description: { type: 'string', optional: true, maxLength: 8192 },
  entrypoint: str,
  env: str,
  features: str,
  hookscript: str,
  hostname: { type: 'string', optional: true, maxLength: 255 },
  lock: {
    type: 'string',
    optional: true,
    enum: [
      'backup',
      'create',
      'destroyed',
      'disk',
      'fstrim',
      'migrate',
      'mounted',
      'rollback',
      'snapshot',
      'snapshot-delete',
    ],
  },
  memory: { type: 'integer', optional: true, minimum: 16 },
  nameserver: str,
  onboot: bool,
  ostype: {
    type: 'string',
    optional: true,
    enum: [
      'debian',
      'devuan',
      'ubuntu',
      'centos',
      'fedora',
      'opensuse',
      'archlinux',
      'alpine',
      'gentoo',
      'nixos',
      'unmanaged',
    ],
  },
  protection: bool,
  rootfs: str,
  searchdomain: str,
  startup: str,
  swap: { type: 'integer', optional: true, minimum: 0 },
  tags: str,
  template: bool,
  timezone: str,
  tty: { type: 'integer', optional: true, minimum: 0, maximum: 6 },
  unprivileged: bool,
};

const INDEXED: readonly [RegExp, number][] = [
  [/^net(\d+)$/, 32],
  [/^mp(\d+)$/, 256],
  [/^unused(\d+)$/, 256],
  [/^dev(\d+)$/, 256],
];

/** Schema for `net0..net31`, `mp0..mp255`, `unused0..255`, `dev0..255`; `undefined` for other names. */
export function indexedOption(name: string): SimParamSpec | undefined {
  for (const [re, max] of INDEXED) {
    const m = re.exec(name);
    if (m && Number(m[1]) < max) return str;
  }
  return undefined;
}

/** Options only `POST /nodes/{node}/lxc` knows (the rest of its parameters are config options). */
export const CREATE_ONLY: Readonly<Record<string, SimParamSpec>> = {
  ostemplate: { type: 'string', maxLength: 255 },
  restore: bool,
  force: bool,
  storage: { type: 'string', format: 'pve-storage-id', optional: true },
  start: bool,
  unique: bool,
  pool: str,
  password: str,
  'ssh-public-keys': str,
  'ignore-unpack-errors': bool,
  bwlimit: { type: 'number', optional: true, minimum: 0 },
  'ha-managed': bool,
};
