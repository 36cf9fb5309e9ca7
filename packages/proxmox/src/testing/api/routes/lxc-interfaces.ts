import { parsePropertyString } from '../../model/config-file.js';
import type { SimGuest } from '../../model/inventory.js';
import { P } from '../params.js';
import type { SimRoute } from '../route.js';

/**
 * GET …/lxc/{vmid}/interfaces — `VM.Audit` (pve-container `API2/LXC.pm` `ip`, `PVE::LXC::
 * get_interfaces`): `ip --json a` inside the running container's network namespace. A container
 * that is not running (or does not exist) has no process to enter, and the answer is `null`.
 * `hwaddr`, `inet` and `inet6` are the older fields, kept beside `hardware-address` and
 * `ip-addresses` (pve-container 5.2.6).
 */

interface Address {
  readonly family: 'inet' | 'inet6';
  readonly local: string;
  readonly prefixlen: number;
}

function describe(name: string, mac: string, addresses: readonly Address[]): Record<string, unknown> {
  const item: Record<string, unknown> = { name };
  for (const a of addresses) item[a.family] = `${a.local}/${a.prefixlen}`;
  item['ip-addresses'] = addresses.map((a) => ({
    'ip-address-type': a.family,
    'ip-address': a.local,
    prefix: a.prefixlen,
  }));
  item['hardware-address'] = mac;
  item.hwaddr = mac;
  return item;
}

/** The IPv6 link-local address the kernel derives from a MAC (modified EUI-64). */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((part) => Number.parseInt(part, 16));
  const group = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
  return `fe80::${group(b[0]! ^ 2, b[1]!)}:${group(b[2]!, 0xff)}:${group(0xfe, b[3]!)}:${group(b[4]!, b[5]!)}`;
}

/** The interfaces `ip a` shows: `lo`, then one per `netN`, addressed by DHCP or as configured. */
export function containerInterfaces(guest: SimGuest): Record<string, unknown>[] {
  const out = [
    describe('lo', '00:00:00:00:00:00', [
      { family: 'inet', local: '127.0.0.1', prefixlen: 8 },
      { family: 'inet6', local: '::1', prefixlen: 128 },
    ]),
  ];
  for (const key of [...guest.config.keys()].filter((k) => /^net\d+$/.test(k)).sort()) {
    const net = parsePropertyString(guest.config.get(key)!);
    const mac = (net.get('hwaddr') ?? '').toLowerCase();
    const index = Number(key.slice(3));
    const ip = net.get('ip');
    const [address, prefix] =
      ip === undefined || ip === 'dhcp' || ip === 'manual'
        ? [`192.168.10.${(100 + guest.vmid + index) % 250}`, '24']
        : ip.split('/');
    const addresses: Address[] = [
      ...(ip === 'manual'
        ? []
        : [{ family: 'inet' as const, local: address!, prefixlen: Number(prefix ?? 24) }]),
      { family: 'inet6', local: linkLocal(mac), prefixlen: 64 },
    ];
    out.push(describe(net.get('name') ?? `eth${index}`, mac, addresses));
  }
  return out;
}

const interfaces: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/lxc/{vmid}/interfaces',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: { properties: { node: P.node, vmid: P.vmid } },
  available: (profile) => profile.lxcInterfaces,
  handle: ({ cluster, params }) => {
    const guest = cluster.guest(Number(params.vmid));
    const running = guest?.type === 'lxc' && guest.node === params.node && guest.status === 'running';
    return { data: running ? containerInterfaces(guest) : null };
  },
};

/** The container interfaces route. */
export const LXC_INTERFACE_ROUTES: readonly SimRoute[] = [interfaces];
