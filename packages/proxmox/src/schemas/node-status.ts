import * as v from 'valibot';
import { flagLike, integerLike, numberLike } from './primitives.js';

const usage = v.looseObject({
  total: integerLike,
  used: integerLike,
  free: integerLike,
});

/**
 * `GET /nodes/{node}/status`. Normalised: `loadavg` (three strings parsed from /proc/loadavg)
 * becomes numbers; `cpuinfo.mhz` (a string such as `"3400.000"`) becomes a number;
 * `cpuinfo.hvm` (`"1"` or `""`) becomes a boolean. `memory.available` (PVE 9.0),
 * `current-kernel` and `boot-info` (PVE 8.1) are optional, as are `ksm`, `swap`, `idle`, `wait`.
 */
export const nodeStatusSchema = v.looseObject({
  uptime: integerLike,
  cpu: numberLike,
  loadavg: v.array(numberLike),
  kversion: v.string(),
  pveversion: v.string(),
  idle: v.optional(numberLike),
  wait: v.optional(numberLike),
  cpuinfo: v.looseObject({
    model: v.string(),
    cpus: integerLike,
    cores: v.optional(integerLike),
    sockets: v.optional(integerLike),
    user_hz: v.optional(integerLike),
    mhz: v.optional(numberLike),
    flags: v.optional(v.string()),
    hvm: v.optional(flagLike),
    vendor: v.optional(v.string()),
    family: v.optional(v.union([v.string(), v.number()])),
  }),
  memory: v.looseObject({ ...usage.entries, available: v.optional(integerLike) }),
  swap: v.optional(usage),
  ksm: v.optional(v.looseObject({ shared: integerLike })),
  rootfs: v.optional(v.looseObject({ ...usage.entries, avail: integerLike })),
  'current-kernel': v.optional(
    v.looseObject({
      sysname: v.string(),
      release: v.string(),
      version: v.string(),
      machine: v.string(),
    }),
  ),
  'boot-info': v.optional(
    v.looseObject({
      mode: v.string(),
      secureboot: v.optional(flagLike),
    }),
  ),
});

/** What `nodeStatus(node)` resolves to; see {@link nodeStatusSchema}. */
export type NodeStatus = v.InferOutput<typeof nodeStatusSchema>;
