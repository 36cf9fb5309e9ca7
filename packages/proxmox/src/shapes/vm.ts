import { guestFields, guestStatusValues, haShape, type Normalised } from './guest.js';
import { type FieldsOutput, flag, integer, object, optional, string, withDefault } from './shape.js';

/**
 * The fields qemu-server's `vmstatus` adds for VMs to what containers have: `serial` (a serial
 * console is configured), `memhost` (PVE 9: host memory used), and with QMP (status/current, or
 * the list with `full`) `qmpstatus` (`running`, `paused`, `prelaunch`, …), the machine and QEMU
 * version a running VM uses, `balloon` and `freemem`.
 */
const vmFields = {
  ...guestFields,
  serial: optional(flag()),
  memhost: optional(integer()),
  qmpstatus: optional(string()),
  'running-machine': optional(string()),
  'running-qemu': optional(string()),
  balloon: optional(integer()),
  freemem: optional(integer()),
} as const;

/** One entry of `GET /nodes/{node}/qemu`. */
export const vmShape = object({ vmid: integer(), status: guestStatusValues, ...vmFields });

/**
 * `GET /nodes/{node}/qemu/{vmid}/status/current`: the list fields plus `ha`, `agent` (whether
 * the guest agent is configured) and, for a running VM, the QMP objects `nics`, `ballooninfo`
 * and `proxmox-support` (kept as the host sends them; unknown fields are kept anyway).
 */
export const vmStatusShape = object({
  status: guestStatusValues,
  vmid: optional(integer()),
  ha: withDefault(haShape, { managed: false }),
  agent: withDefault(flag(), false),
  nics: optional(object({})),
  ballooninfo: optional(object({})),
  'proxmox-support': optional(object({})),
  ...vmFields,
});

/**
 * A VM as listed by `listVMs(node)`: `vmid` a number, `template` a boolean, `lock` absent when
 * unlocked, `tags` a list; usage figures numbers; unknown fields kept.
 */
export type VirtualMachine = Normalised<FieldsOutput<typeof vmShape.fields>>;

/**
 * A VM's current status from `vmStatus(node, vmid)`: the {@link VirtualMachine} fields plus `ha`
 * (`managed` a boolean), `agent` (a boolean), and for a running VM the QMP figures.
 */
export type VMStatus = Normalised<FieldsOutput<typeof vmStatusShape.fields>>;
