import {
  emptyAsAbsent,
  type FieldsOutput,
  flag,
  integer,
  number,
  object,
  oneOf,
  optional,
  string,
  textList,
  withDefault,
} from './shape.js';

/**
 * The fields `GET /nodes/{node}/lxc` and `GET …/lxc/{vmid}/status/current` share
 * (pve-container `vmstatus`). Tolerated history: `vmid` a string in lists before PVE 8.2 and in
 * status before PVE 7; `pid`, `disk`, `maxdisk`, `cpus` strings on PVE ≤ 6; `swap` negative on
 * PVE ≤ 6; `template: ""` and `lock: ""` on PVE ≤ 6; `pid`, `pressure*` only for running guests.
 */
/** The fields containers and VMs share in lists and status (VMs add theirs in vm.ts). */
export const guestFields = {
  name: optional(string()),
  type: optional(string()),
  template: withDefault(flag(), false),
  lock: emptyAsAbsent(string()),
  tags: withDefault(textList(), []),
  cpus: optional(number()),
  cpu: optional(number()),
  mem: optional(integer()),
  maxmem: optional(integer()),
  swap: optional(integer()),
  maxswap: optional(integer()),
  disk: optional(integer()),
  maxdisk: optional(integer()),
  diskread: optional(integer()),
  diskwrite: optional(integer()),
  netin: optional(integer()),
  netout: optional(integer()),
  uptime: optional(integer()),
  pid: optional(integer()),
  pressurecpusome: optional(number()),
  pressurecpufull: optional(number()),
  pressureiosome: optional(number()),
  pressureiofull: optional(number()),
  pressurememorysome: optional(number()),
  pressurememoryfull: optional(number()),
} as const;

/** A guest's `status`. */
export const guestStatusValues = oneOf(['running', 'stopped']);

/** One entry of `GET /nodes/{node}/lxc`. */
export const guestShape = object({ vmid: integer(), status: guestStatusValues, ...guestFields });

/**
 * The HA state in `status/current`: `{managed: 0}` or `{managed: 1, state, group, …}`.
 * The API dump documents `ha` as a bare object; every real answer has `managed`.
 */
export const haShape = object({
  managed: withDefault(flag(), false),
  state: optional(string()),
  group: optional(string()),
});

/**
 * `GET /nodes/{node}/lxc/{vmid}/status/current`: the list fields plus `ha`. A real PVE 6.2
 * capture (fog-proxmox containers.yml #136) answered without `vmid`; the caller knows the vmid
 * it asked for, so the shape tolerates its absence.
 */
export const guestStatusShape = object({
  status: guestStatusValues,
  vmid: optional(integer()),
  ha: withDefault(haShape, { managed: false }),
  ...guestFields,
});

/** What the normalisation guarantees for `template`, `lock` and `tags`. */
interface GuestNormalised {
  /** True for templates; `false` when PVE omitted it or sent `""`/`0`. */
  readonly template: boolean;
  /** The config lock (`backup`, `snapshot`, …); absent when unlocked (PVE ≤ 6 sent `""`). */
  readonly lock?: string;
  /** Tags split into a list; `[]` when none. */
  readonly tags: readonly string[];
}

/** A guest shape's output with `template`, `lock` and `tags` as the normalisation leaves them. */
export type Normalised<TFields> = Omit<TFields, 'template' | 'lock' | 'tags'> &
  GuestNormalised & { readonly [key: string]: unknown };

/**
 * A container as listed by `listLXC(node)`: `vmid` a number, `template` a boolean, `lock`
 * absent when unlocked, `tags` a list; fields only running guests have (`pid`, `pressure*`)
 * optional; unknown fields kept.
 */
export type Guest = Normalised<FieldsOutput<typeof guestShape.fields>>;

/** A container's current status from `guestStatus(node, vmid)`: {@link Guest} fields plus `ha`. */
export type GuestStatus = Normalised<FieldsOutput<typeof guestStatusShape.fields>>;
