import * as v from 'valibot';
import { type FieldKind, type FieldPassOutput, looseObjectWithFields } from './field-pass.js';
import { flagLike, integerLike, splitList } from './primitives.js';

/**
 * The fields `GET /nodes/{node}/lxc` and `GET …/lxc/{vmid}/status/current` share
 * (pve-container `vmstatus`). Tolerated history: `vmid` a string in lists before PVE 8.2 and in
 * status before PVE 7; `pid`, `disk`, `maxdisk`, `cpus` strings on PVE ≤ 6; `swap` negative on
 * PVE ≤ 6; `template: ""` and `lock: ""` on PVE ≤ 6; `pid`, `pressure*` only for running guests.
 */
const guestRequired = {
  vmid: integerLike,
  status: v.picklist(['running', 'stopped']),
};

const guestFields = {
  name: 'string',
  type: 'string',
  template: 'flag',
  lock: 'string',
  tags: 'string',
  cpus: 'number',
  cpu: 'number',
  mem: 'integer',
  maxmem: 'integer',
  swap: 'integer',
  maxswap: 'integer',
  disk: 'integer',
  maxdisk: 'integer',
  diskread: 'integer',
  diskwrite: 'integer',
  netin: 'integer',
  netout: 'integer',
  uptime: 'integer',
  pid: 'integer',
  pressurecpusome: 'number',
  pressurecpufull: 'number',
  pressureiosome: 'number',
  pressureiofull: 'number',
  pressurememorysome: 'number',
  pressurememoryfull: 'number',
} as const satisfies Record<string, FieldKind>;

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
  v.InferOutput<v.ObjectSchema<TEntries, undefined>> & FieldPassOutput<typeof guestFields>,
  'template' | 'lock' | 'tags'
> &
  GuestNormalised & { readonly [key: string]: unknown };

interface GuestRaw {
  template?: boolean | undefined;
  lock?: string | undefined;
  tags?: string | undefined;
}

/**
 * One object-level pass instead of a transform per field, in place: the loose object's output
 * is already a fresh copy, and a second copy per guest would cost more than the checks.
 */
function normaliseGuest<TOut>(raw: GuestRaw): TOut {
  const out = raw as Record<string, unknown>;
  out.template = raw.template === true;
  out.tags = raw.tags ? splitList(raw.tags) : [];
  if (!raw.lock && 'lock' in out) delete out.lock;
  return out as TOut;
}

/**
 * A container as listed by `listLXC(node)`: `vmid` a number, `template` a boolean, `lock`
 * absent when unlocked, `tags` a list; fields only running guests have (`pid`, `pressure*`)
 * optional; unknown fields kept.
 */
export type Guest = Normalised<typeof guestRequired>;

/** One entry of `GET /nodes/{node}/lxc`; see {@link Guest}. */
export const guestSchema = looseObjectWithFields(
  guestRequired,
  guestFields,
  (raw): Guest => normaliseGuest(raw),
);

/** `GET /nodes/{node}/lxc`. */
export const lxcListSchema = v.array(guestSchema);

/**
 * The HA state in `status/current`: `{managed: 0}` or `{managed: 1, state, group, …}`.
 * `managed` becomes a boolean.
 */
const haSchema = v.looseObject({
  // The API dump documents `ha` as a bare object; every real answer has `managed`.
  managed: v.optional(flagLike, 0),
  state: v.optional(v.string()),
  group: v.optional(v.string()),
});

// A real PVE 6.2 capture (fog-proxmox containers.yml #136) answered status/current without
// `vmid`; the caller knows the vmid it asked for, so the schema tolerates its absence.
const guestStatusRequired = {
  status: guestRequired.status,
  vmid: v.optional(integerLike),
  ha: v.optional(haSchema, { managed: 0 as const }),
};

/** A container's current status from `guestStatus(node, vmid)`: {@link Guest} fields plus `ha`. */
export type GuestStatus = Normalised<typeof guestStatusRequired>;

/** `GET /nodes/{node}/lxc/{vmid}/status/current`: the list fields plus `ha`. */
export const guestStatusSchema = looseObjectWithFields(
  guestStatusRequired,
  guestFields,
  (raw): GuestStatus => normaliseGuest(raw),
);
