import { parsePropertyString } from '../model/config-file.js';
import type { SimRouteContext } from './route.js';

/**
 * `check_bridge_access` (pve-container and qemu-server): a NIC on a bridge needs `SDN.Use` on
 * `/sdn/zones/localnetwork/<bridge>` (or on its VLAN), on PVE 8 and later. root@pam skips it.
 */
export function checkBridgeAccess(
  ctx: Pick<SimRouteContext, 'actor' | 'check' | 'cluster'>,
  netValue: string,
): void {
  if (ctx.actor.root || !ctx.cluster.profile.sdnUseCheck) return;
  const net = parsePropertyString(netValue);
  const bridge = net.get('bridge');
  if (bridge === undefined) return;
  const tag = net.get('tag');
  ctx.check(`/sdn/zones/localnetwork/${bridge}${tag === undefined ? '' : `/${tag}`}`, ['SDN.Use'], 'any');
}
