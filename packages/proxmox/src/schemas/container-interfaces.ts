import * as v from 'valibot';
import { wireSchemas } from './shape-schema.js';

/** One address of an interface (pve-container 5.2.6+). */
const addressSchema = v.looseObject({
  'ip-address': v.optional(v.string()),
  'ip-address-type': v.optional(v.string()),
  prefix: v.optional(wireSchemas.integer),
});

/**
 * One interface inside a running container, as `ip --json a` shows it in the container's network
 * namespace (pve-container `PVE::LXC::get_interfaces`): `hwaddr`, `inet` and `inet6` (the first
 * address of each family, `addr/prefix`) on every version; `hardware-address` and
 * `ip-addresses` (every address) since pve-container 5.2.6, so optional here.
 */
const containerInterfaceSchema = v.looseObject({
  name: v.string(),
  hwaddr: v.string(),
  inet: v.optional(v.string()),
  inet6: v.optional(v.string()),
  'hardware-address': v.optional(v.string()),
  'ip-addresses': v.optional(v.array(addressSchema)),
});

/**
 * `GET /nodes/{node}/lxc/{vmid}/interfaces`: the interfaces, or `null` when the container is not
 * running (there is no network namespace to look into).
 */
export const containerInterfacesSchema = v.nullable(v.array(containerInterfaceSchema));

/** One interface of `interfaces(node, vmid)`. */
export type ContainerInterface = v.InferOutput<typeof containerInterfaceSchema>;
