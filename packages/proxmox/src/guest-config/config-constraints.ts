import type { ValueLimits } from '../encoding/value-constraint.js';
import type { ScalarKind } from './keys.js';

/** The type and limits of one settable config key. */
export interface ConfigKeyConstraint extends ValueLimits {
  readonly type: ScalarKind;
}

/**
 * The scalar LXC config keys `PUT /nodes/{node}/lxc/{vmid}/config` (and the create/restore
 * call) accepts, with the type, range, values and length the official PVE 9.1 API schema gives
 * each. Checked before sending; a test compares this table with the schema, key for key.
 * Formats and patterns (`dns-name`, `pve-ct-timezone`, …) are left to the host.
 */
export const settableConfigKeys: Readonly<Record<string, ConfigKeyConstraint>> = {
  arch: { type: 'string', enum: ['amd64', 'i386', 'arm64', 'armhf', 'riscv32', 'riscv64'] },
  cmode: { type: 'string', enum: ['shell', 'console', 'tty'] },
  console: { type: 'boolean' },
  cores: { type: 'integer', minimum: 1, maximum: 8192 },
  cpulimit: { type: 'number', minimum: 0, maximum: 8192 },
  cpuunits: { type: 'integer', minimum: 0, maximum: 500000 },
  debug: { type: 'boolean' },
  description: { type: 'string', maxLength: 8192 },
  entrypoint: { type: 'string' },
  env: { type: 'string' },
  hookscript: { type: 'string' },
  hostname: { type: 'string', maxLength: 255 },
  lock: {
    type: 'string',
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
  memory: { type: 'integer', minimum: 16 },
  nameserver: { type: 'string' },
  onboot: { type: 'boolean' },
  ostype: {
    type: 'string',
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
  protection: { type: 'boolean' },
  searchdomain: { type: 'string' },
  startup: { type: 'string' },
  swap: { type: 'integer', minimum: 0 },
  template: { type: 'boolean' },
  timezone: { type: 'string' },
  tty: { type: 'integer', minimum: 0, maximum: 6 },
  unprivileged: { type: 'boolean' },
};

/** Keys a config shows but no API call sets: the snapshot a config is based on and its time. */
export const readOnlyConfigKeys: readonly string[] = ['parent', 'snaptime'];
