import * as v from 'valibot';
import { type FieldKind, type FieldPassOutput, looseObjectWithFields } from './field-pass.js';
import { guestFields, normaliseGuest } from './guest.js';
import { flagLike, integerLike, plainObject } from './primitives.js';

/**
 * The fields qemu-server's `vmstatus` adds for VMs to what containers have: `serial` (a serial
 * console is configured), `memhost` (PVE 9: host memory used), and with QMP (status/current, or
 * the list with `full`) `qmpstatus` (`running`, `paused`, `prelaunch`, …), the machine and QEMU
 * version a running VM uses, `balloon` and `freemem`.
 */
const vmFields = {
  ...guestFields,
  serial: 'flag',
  memhost: 'integer',
  qmpstatus: 'string',
  'running-machine': 'string',
  'running-qemu': 'string',
  balloon: 'integer',
  freemem: 'integer',
} as const satisfies Record<string, FieldKind>;

const vmRequired = {
  vmid: integerLike,
  status: v.picklist(['running', 'stopped']),
};

interface VMNormalised {
  /** True for templates; `false` when PVE omitted it. */
  readonly template: boolean;
  /** The config lock (`backup`, `snapshot`, `suspended`, …); absent when unlocked. */
  readonly lock?: string;
  /** Tags split into a list; `[]` when none. */
  readonly tags: readonly string[];
}

type Normalised<TEntries extends v.ObjectEntries> = Omit<
  v.InferOutput<v.ObjectSchema<TEntries, undefined>> & FieldPassOutput<typeof vmFields>,
  'template' | 'lock' | 'tags'
> &
  VMNormalised & { readonly [key: string]: unknown };

/**
 * A VM as listed by `listVMs(node)`: `vmid` a number, `template` a boolean, `lock` absent when
 * unlocked, `tags` a list; usage figures numbers; unknown fields kept.
 */
export type VirtualMachine = Normalised<typeof vmRequired>;

/** One entry of `GET /nodes/{node}/qemu`; see {@link VirtualMachine}. */
export const vmSchema = looseObjectWithFields(
  vmRequired,
  vmFields,
  (raw): VirtualMachine => normaliseGuest(raw),
);

/** `GET /nodes/{node}/qemu`. */
export const vmListSchema = v.array(vmSchema);

const haSchema = v.looseObject({
  managed: v.optional(flagLike, 0),
  state: v.optional(v.string()),
  group: v.optional(v.string()),
});

const vmStatusRequired = {
  status: vmRequired.status,
  vmid: v.optional(integerLike),
  ha: v.optional(haSchema, { managed: 0 as const }),
  agent: v.optional(flagLike, 0),
  nics: v.optional(plainObject),
  ballooninfo: v.optional(plainObject),
  'proxmox-support': v.optional(plainObject),
};

/**
 * A VM's current status from `vmStatus(node, vmid)`: the {@link VirtualMachine} fields plus `ha`
 * (`managed` a boolean), `agent` (whether the guest agent is configured), and for a running VM
 * the QMP figures (`qmpstatus`, `nics`, `ballooninfo`, `running-machine`, `running-qemu`).
 */
export type VMStatus = Normalised<typeof vmStatusRequired>;

/** `GET /nodes/{node}/qemu/{vmid}/status/current`. */
export const vmStatusSchema = looseObjectWithFields(
  vmStatusRequired,
  vmFields,
  (raw): VMStatus => normaliseGuest(raw),
);
