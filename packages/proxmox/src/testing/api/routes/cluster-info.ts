import { P } from '../params.js';
import type { SimRoute } from '../route.js';
import { nodeStats } from '../views.js';

/** GET /version — permissions: `user => 'all'`. */
const version: SimRoute = {
  method: 'GET',
  path: '/version',
  proxyto: false,
  params: { properties: {} },
  handle: ({ cluster }) => ({ data: { ...cluster.profile.version } }),
};

/**
 * GET /nodes — `user => 'all'`; every node is listed, the figures only with `Sys.Audit` on
 * `/nodes/<node>` (fix #263) and only for online nodes.
 */
const nodes: SimRoute = {
  method: 'GET',
  path: '/nodes',
  proxyto: false,
  params: { properties: {} },
  handle: ({ cluster, can }) => ({
    data: [...cluster.nodes.values()].map((node) => ({
      node: node.name,
      status: node.online ? 'online' : 'offline',
      id: `node/${node.name}`,
      type: 'node',
      level: '',
      ssl_fingerprint: node.sslFingerprint,
      ...(node.online && can(`/nodes/${node.name}`, ['Sys.Audit']) ? nodeStats(cluster, node) : {}),
    })),
  }),
};

/** GET /nodes/{node}/status — check `['perm', '/nodes/{node}', ['Sys.Audit']]`. */
const nodeStatus: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/status',
  proxyto: true,
  permission: { path: '/nodes/{node}', privileges: ['Sys.Audit'] },
  params: { properties: { node: P.node } },
  handle: ({ cluster, params }) => {
    const node = cluster.nodes.get(params.node!)!;
    const profile = cluster.profile;
    const stats = nodeStats(cluster, node);
    const memory: Record<string, number> = {
      total: node.maxmem,
      used: stats.mem!,
      free: node.maxmem - stats.mem!,
    };
    if (profile.memoryAvailable) memory.available = node.maxmem - stats.mem! + 1_073_741_824;
    const data: Record<string, unknown> = {
      uptime: stats.uptime,
      idle: 0,
      wait: 0.0012,
      cpu: stats.cpu,
      loadavg: ['0.31', '0.27', '0.22'],
      kversion: profile.kversion,
      pveversion: profile.pveversion,
      cpuinfo: {
        model: 'Intel(R) Core(TM) i5-8500T CPU @ 2.10GHz',
        cpus: node.maxcpu,
        cores: node.maxcpu / 2,
        sockets: 1,
        user_hz: 100,
        mhz: '2100.000',
        flags:
          'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2',
        hvm: '1',
        vendor: 'GenuineIntel',
        family: '6',
      },
      memory,
      swap: { total: 8_589_930_496, used: 0, free: 8_589_930_496 },
      ksm: { shared: 0 },
      rootfs: {
        total: node.maxdisk,
        used: stats.disk,
        free: node.maxdisk - stats.disk!,
        avail: node.maxdisk - stats.disk! - 5_368_709_120,
      },
    };
    if (profile.bootInfo) {
      data['boot-info'] = { mode: 'efi', secureboot: 0 };
      const [, release = '', ...rest] = profile.kversion.split(' ');
      data['current-kernel'] = { sysname: 'Linux', release, version: rest.join(' '), machine: 'x86_64' };
    }
    return { data };
  },
};

const STANDARD_PATHS = ['/', '/access', '/access/groups', '/nodes', '/pool', '/sdn', '/storage', '/vms'];

/**
 * GET /access/permissions — `user => 'all'`: one's own permissions; with `path`, that path's
 * effective privileges; without, every standard path and every ACL path the token has.
 * (Another user's permissions need `Sys.Audit` on `/access`; `userid` is checked that way.)
 */
const permissions: SimRoute = {
  method: 'GET',
  path: '/access/permissions',
  proxyto: false,
  params: {
    properties: { path: { type: 'string', optional: true }, userid: { type: 'string', optional: true } },
  },
  handle: ({ cluster, actor, params, check }) => {
    const userid = params.userid ?? actor.tokenId;
    if (userid !== actor.tokenId && !userid.startsWith(`${actor.tokenId.split('!')[0]}!`)) {
      check('/access', ['Sys.Audit']);
    }
    const token = cluster.token(userid);
    const privs = (path: string): Record<string, 0 | 1> =>
      Object.fromEntries(token ? cluster.privileges(userid, path) : new Map());
    if (params.path !== undefined) {
      const own = privs(params.path);
      return { data: Object.keys(own).length > 0 ? { [params.path]: own } : {} };
    }
    const paths = new Set([...STANDARD_PATHS, ...(token?.acl.map((a) => a.path) ?? [])]);
    const data: Record<string, Record<string, 0 | 1>> = {};
    for (const path of paths) {
      const own = privs(path);
      if (Object.keys(own).length > 0) data[path] = own;
    }
    return { data };
  },
};

/** The cluster-wide and node information routes. */
export const CLUSTER_INFO_ROUTES: readonly SimRoute[] = [version, nodes, nodeStatus, permissions];
