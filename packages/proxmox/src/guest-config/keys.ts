// The LXC config keys GuestConfig types, with how PVE sends them (pve-container
// src/PVE/LXC/Config.pm, returned through check_type): integers and 0/1 booleans as JSON
// numbers, `cpulimit` (type number) as a string, everything else as strings.

/** The value type of a scalar config key. */
export type ScalarKind = 'string' | 'integer' | 'number' | 'boolean';

/** Scalar keys GuestConfig exposes typed; everything not here (and not indexed) goes to `extra`. */
export const scalarKeys = {
  hostname: 'string',
  arch: 'string',
  ostype: 'string',
  cmode: 'string',
  description: 'string',
  nameserver: 'string',
  searchdomain: 'string',
  lock: 'string',
  timezone: 'string',
  startup: 'string',
  hookscript: 'string',
  entrypoint: 'string',
  env: 'string',
  parent: 'string',
  cores: 'integer',
  memory: 'integer',
  swap: 'integer',
  cpuunits: 'integer',
  tty: 'integer',
  snaptime: 'integer',
  cpulimit: 'number',
  onboot: 'boolean',
  protection: 'boolean',
  unprivileged: 'boolean',
  template: 'boolean',
  console: 'boolean',
  debug: 'boolean',
} as const satisfies Record<string, ScalarKind>;

/** Indexed keys and how many of each PVE allows (`$MAX_LXC_NETWORKS`, `$MAX_MOUNT_POINTS`, …). */
export const indexedKeyLimits = { net: 32, mp: 256, unused: 256, dev: 256 } as const;

/** Matches `net0`, `mp12`, `unused3`, `dev0`. */
export const indexedKeyPattern = /^(net|mp|unused|dev)(0|[1-9]\d{0,2})$/;
