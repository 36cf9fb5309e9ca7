import { flag, integer, list, number, object, optional, string, stringOrNumber } from './shape.js';

const usage = {
  total: integer(),
  used: integer(),
  free: integer(),
} as const;

/**
 * `GET /nodes/{node}/status`. Read: `loadavg` (three strings from /proc/loadavg) as numbers;
 * `cpuinfo.mhz` (a string such as `"3400.000"`) as a number; `cpuinfo.hvm` (`"1"` or `""`) as a
 * boolean. `memory.available` (PVE 9.0), `current-kernel` and `boot-info` (PVE 8.1) are
 * optional, as are `ksm`, `swap`, `idle`, `wait`.
 */
export const nodeStatusShape = object({
  uptime: integer(),
  cpu: number(),
  loadavg: list(number()),
  kversion: string(),
  pveversion: string(),
  idle: optional(number()),
  wait: optional(number()),
  cpuinfo: object({
    model: string(),
    cpus: integer(),
    cores: optional(integer()),
    sockets: optional(integer()),
    user_hz: optional(integer()),
    mhz: optional(number()),
    flags: optional(string()),
    hvm: optional(flag()),
    vendor: optional(string()),
    family: optional(stringOrNumber()),
  }),
  memory: object({ ...usage, available: optional(integer()) }),
  swap: optional(object(usage)),
  ksm: optional(object({ shared: integer() })),
  rootfs: optional(object({ ...usage, avail: integer() })),
  'current-kernel': optional(
    object({
      sysname: string(),
      release: string(),
      version: string(),
      machine: string(),
    }),
  ),
  'boot-info': optional(
    object({
      mode: string(),
      secureboot: optional(flag()),
    }),
  ),
});
