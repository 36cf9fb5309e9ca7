import * as v from 'valibot';
import { flagLike, integerLike, numberLike, splitList } from './primitives.js';

/**
 * The fields `GET /nodes/{node}/lxc` and `GET …/lxc/{vmid}/status/current` share
 * (pve-container `vmstatus`). Tolerated history: `vmid` a string in lists before PVE 8.2 and in
 * status before PVE 7; `pid`, `disk`, `maxdisk`, `cpus` strings on PVE ≤ 6; `swap` negative on
 * PVE ≤ 6; `template: ""` and `lock: ""` on PVE ≤ 6; `pid`, `pressure*` only for running guests.
 */
const guestEntries = {
  vmid: integerLike,
  status: v.picklist(['running', 'stopped']),
  name: v.optional(v.string()),
  type: v.optional(v.string()),
  template: v.optional(flagLike),
  lock: v.optional(v.string()),
  tags: v.optional(v.string()),
  cpus: v.optional(numberLike),
  cpu: v.optional(numberLike),
  mem: v.optional(integerLike),
  maxmem: v.optional(integerLike),
  swap: v.optional(integerLike),
  maxswap: v.optional(integerLike),
  disk: v.optional(integerLike),
  maxdisk: v.optional(integerLike),
  diskread: v.optional(integerLike),
  diskwrite: v.optional(integerLike),
  netin: v.optional(integerLike),
  netout: v.optional(integerLike),
  uptime: v.optional(integerLike),
  pid: v.optional(integerLike),
  pressurecpusome: v.optional(numberLike),
  pressurecpufull: v.optional(numberLike),
  pressureiosome: v.optional(numberLike),
  pressureiofull: v.optional(numberLike),
  pressurememorysome: v.optional(numberLike),
  pressurememoryfull: v.optional(numberLike),
};

/** What the object-level pass changes: `template`, `lock` and `tags` normalised. */
interface GuestNormalised {
  /** True for templates; `false` when PVE omitted it or sent `""`/`0`. */
  readonly template: boolean;
  /** The config lock (`backup`, `snapshot`, …); absent when unlocked (PVE ≤ 6 sent `""`). */
  readonly lock?: string;
  /** Tags split into a list; `[]` when none. */
  readonly tags: readonly string[];
}

// Omit over a loose object's output would collapse to its index signature, so the known
// fields are taken from the closed object type and the index signature is added back.
type Normalised<TEntries extends v.ObjectEntries> = Omit<
  v.InferOutput<v.ObjectSchema<TEntries, undefined>>,
  'template' | 'lock' | 'tags'
> &
  GuestNormalised & { readonly [key: string]: unknown };

interface GuestRaw {
  template?: boolean | undefined;
  lock?: string | undefined;
  tags?: string | undefined;
}

/** One object-level pass instead of a transform per field: cheaper on large lists. */
function normaliseGuest<TOut>(raw: GuestRaw): TOut {
  const { template, lock, tags, ...rest } = raw;
  const out: Record<string, unknown> = {
    ...rest,
    template: template === true,
    tags: tags ? splitList(tags) : [],
  };
  if (lock) out.lock = lock;
  return out as TOut;
}

/**
 * A container as listed by `listLXC(node)`: `vmid` a number, `template` a boolean, `lock`
 * absent when unlocked, `tags` a list; fields only running guests have (`pid`, `pressure*`)
 * optional; unknown fields kept.
 */
export type Guest = Normalised<typeof guestEntries>;

/** One entry of `GET /nodes/{node}/lxc`; see {@link Guest}. */
export const guestSchema = v.pipe(
  v.looseObject(guestEntries),
  v.transform((raw): Guest => normaliseGuest(raw)),
);

/** `GET /nodes/{node}/lxc`. */
export const lxcListSchema = v.array(guestSchema);

/**
 * The HA state in `status/current`: `{managed: 0}` or `{managed: 1, state, group, …}`.
 * `managed` becomes a boolean.
 */
const haSchema = v.looseObject({
  managed: flagLike,
  state: v.optional(v.string()),
  group: v.optional(v.string()),
});

const guestStatusEntries = { ...guestEntries, ha: v.optional(haSchema, { managed: 0 as const }) };

/** A container's current status from `guestStatus(node, vmid)`: {@link Guest} fields plus `ha`. */
export type GuestStatus = Normalised<typeof guestStatusEntries>;

/** `GET /nodes/{node}/lxc/{vmid}/status/current`: the list fields plus `ha`. */
export const guestStatusSchema = v.pipe(
  v.looseObject(guestStatusEntries),
  v.transform((raw): GuestStatus => normaliseGuest(raw)),
);
