import type { SimulatedCluster } from '../model/cluster.js';
import { parseDiskSize, parsePropertyString } from '../model/config-file.js';
import { configPath } from '../model/guest-state.js';
import type { SimGuest, SimNode } from '../model/inventory.js';
import { die } from '../model/sim-error.js';

/**
 * Wire shapes of containers and nodes (pve-container `vmstatus`, pve-manager
 * `extract_node_stats`), computed from the model with deterministic, plausible figures.
 */

const MiB = 1024 * 1024;

/**
 * `load_config` on this node (`PVE::LXC::Config`, or `PVE::QemuConfig` for `qemu`): the guest,
 * or the 500 a missing file gives. A guest of the other type has no such file either.
 */
export function loadGuest(
  cluster: SimulatedCluster,
  node: string,
  vmid: number,
  type: SimGuest['type'] = 'lxc',
): SimGuest {
  const guest = cluster.guest(vmid);
  if (!guest || guest.node !== node || guest.type !== type)
    throw die(`Configuration file '${configPath(type, node, vmid)}' does not exist`);
  return guest;
}

/** Root disk size in bytes from `rootfs`. */
export function rootfsSize(guest: SimGuest): number {
  return parseDiskSize(parsePropertyString(guest.config.get('rootfs') ?? '', 'volume').get('size'));
}

/** The status object of one CT: the list item, or with `ha` for status/current. */
export function guestStatusView(
  cluster: SimulatedCluster,
  guest: SimGuest,
  forCurrent: boolean,
): Record<string, unknown> {
  const running = guest.status === 'running';
  const node = cluster.nodes.get(guest.node);
  const maxmem = Number(guest.config.get('memory') ?? '512') * MiB;
  const maxswap = Number(guest.config.get('swap') ?? '512') * MiB;
  const maxdisk = rootfsSize(guest);
  const seed = (guest.vmid % 7) + 1;
  const view: Record<string, unknown> = {
    vmid: cluster.profile.lxcListVmidAsString && !forCurrent ? String(guest.vmid) : guest.vmid,
    name: guest.config.get('hostname') ?? `CT${guest.vmid}`,
    status: guest.status,
    type: 'lxc',
    cpus: Number(guest.config.get('cores') ?? node?.maxcpu ?? 1),
    cpu: running ? Math.round(31 * seed) / 10_000 : 0,
    mem: running ? Math.floor(maxmem * 0.27) : 0,
    maxmem,
    swap: 0,
    maxswap,
    disk: running ? Math.floor(maxdisk * 0.31) : 0,
    maxdisk,
    diskread: running ? seed * 104_857_600 : 0,
    diskwrite: running ? seed * 52_428_800 : 0,
    netin: running ? seed * 7_340_032 : 0,
    netout: running ? seed * 3_145_728 : 0,
    uptime:
      running && guest.startedAt !== undefined ? Math.floor((cluster.elapsed() - guest.startedAt) / 1000) : 0,
  };
  const tags = guest.config.get('tags');
  if (tags !== undefined) view.tags = tags;
  const lock = guest.config.get('lock');
  if (lock !== undefined) view.lock = lock;
  if (guest.config.get('template') === '1') view.template = 1;
  if (running && guest.pid !== undefined) view.pid = guest.pid;
  if (running && cluster.profile.pressureFields) {
    const round = (x: number): number => Math.round(x * 100) / 100;
    Object.assign(view, {
      pressurecpusome: round(0.12 * seed),
      pressurecpufull: round(0.05 * seed),
      pressureiosome: round(0.03 * seed),
      pressureiofull: round(0.01 * seed),
      pressurememorysome: 0,
      pressurememoryfull: 0,
    });
  }
  if (forCurrent) view.ha = { managed: 0 };
  return view;
}

/** A guest's memory in MiB (`memory: 4096`, or a VM's `current=4096` property string). */
export function memoryMiB(guest: SimGuest): number {
  const value = parsePropertyString(guest.config.get('memory') ?? '512', 'current').get('current');
  return Number.parseInt(value ?? '512', 10);
}

/** Running guests' memory on a node, for node figures. */
function guestMemory(cluster: SimulatedCluster, node: string): number {
  let used = 0;
  for (const guest of cluster.guests.values()) {
    if (guest.node === node && guest.status === 'running') used += memoryMiB(guest) * MiB;
  }
  return used;
}

/** Node figures as `extract_node_stats` reports them (only for audited callers and online nodes). */
export function nodeStats(cluster: SimulatedCluster, node: SimNode): Record<string, number> {
  return {
    cpu: 0.0417,
    maxcpu: node.maxcpu,
    mem: 2_147_483_648 + Math.floor(guestMemory(cluster, node.name) * 0.27),
    maxmem: node.maxmem,
    disk: Math.floor(node.maxdisk * 0.18),
    maxdisk: node.maxdisk,
    uptime: Math.floor(cluster.uptimeMs(node) / 1000),
  };
}
