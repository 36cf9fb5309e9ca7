import type { SimulatedCluster } from '../model/cluster.js';
import { parseDiskSize, parsePropertyString } from '../model/config-file.js';
import type { SimGuest } from '../model/inventory.js';
import { DRIVE_KEYS, isCdrom } from '../model/qemu-drives.js';
import { memoryMiB } from './views.js';

/**
 * The status record of a VM (qemu-server `PVE::QemuServer::vmstatus`): the list item, or with
 * `full` the QMP-derived figures `status/current` adds. Deterministic, plausible numbers.
 */

const MiB = 1024 * 1024;

/** `bootdisk_size`: the first disk of the boot order (or of the drives), in bytes. */
export function bootDiskSize(guest: SimGuest): number {
  const order = parsePropertyString(guest.config.get('boot') ?? '').get('order');
  const candidates = order === undefined ? DRIVE_KEYS : order.split(';');
  for (const key of candidates) {
    const value = guest.config.get(key);
    if (value === undefined || isCdrom(value) || !DRIVE_KEYS.includes(key)) continue;
    return parseDiskSize(parsePropertyString(value, 'file').get('size'));
  }
  return 0;
}

/** `sockets × cores` (capped at the node's CPUs), or `vcpus` when set. */
function cpuCount(cluster: SimulatedCluster, guest: SimGuest): number {
  const int = (key: string, fallback: number): number =>
    Number.parseInt(guest.config.get(key) ?? String(fallback), 10);
  const vcpus = guest.config.get('vcpus');
  if (vcpus !== undefined) return Number.parseInt(vcpus, 10);
  return Math.min(int('sockets', 1) * int('cores', 1), cluster.nodes.get(guest.node)?.maxcpu ?? 1);
}

/** The `vmstatus` record of one VM; `full` adds what `status/current` asks QEMU for. */
export function vmStatusView(
  cluster: SimulatedCluster,
  guest: SimGuest,
  full: boolean,
): Record<string, unknown> {
  const { profile } = cluster;
  const running = guest.status === 'running';
  const seed = (guest.vmid % 7) + 1;
  const maxmem = memoryMiB(guest) * MiB;
  const memhost = running ? Math.floor(maxmem * 0.42) : 0;
  const view: Record<string, unknown> = {
    vmid: guest.vmid,
    status: guest.status,
    name: guest.config.get('name') ?? `VM ${guest.vmid}`,
    cpus: cpuCount(cluster, guest),
    cpu: running ? Math.round(57 * seed) / 10_000 : 0,
    mem: memhost,
    maxmem,
    disk: 0,
    maxdisk: bootDiskSize(guest),
    netin: running ? seed * 21_495_808 : 0,
    netout: running ? seed * 9_437_184 : 0,
    uptime:
      running && guest.startedAt !== undefined ? Math.floor((cluster.elapsed() - guest.startedAt) / 1000) : 0,
  };
  if (profile.memhost) view.memhost = memhost;
  if (running && guest.pid !== undefined) view.pid = guest.pid;
  if (guest.config.get('template') === '1') view.template = 1;
  if ([...guest.config.keys()].some((key) => /^serial\d$/.test(key))) view.serial = 1;
  const lock = guest.config.get('lock');
  if (lock !== undefined) view.lock = lock;
  const tags = guest.config.get('tags');
  if (tags !== undefined) view.tags = tags;
  if (running && profile.pressureFields) {
    const round = (x: number): number => Math.round(x * 100) / 100;
    Object.assign(view, {
      pressurecpusome: round(0.08 * seed),
      pressurecpufull: round(0.04 * seed),
      pressureiosome: round(0.02 * seed),
      pressureiofull: round(0.01 * seed),
      pressurememorysome: 0,
      pressurememoryfull: 0,
    });
  }
  if (!full) return view;
  view.qmpstatus = guest.status;
  if (running) Object.assign(view, qmpFigures(cluster, guest, maxmem, seed));
  return view;
}

/** The machine type a running VM reports (`pc-q35-10.1+pve0`), from its config and QEMU version. */
export function runningMachine(cluster: SimulatedCluster, guest: SimGuest): string {
  const [major = '0', minor = '0'] = cluster.profile.qemuVersion.split('.');
  const machine = /q35/.test(guest.config.get('machine') ?? '') ? 'q35' : 'i440fx';
  return `pc-${machine}-${major}.${minor}+pve0`;
}

/** What `vmstatus(…, 1)` asks a running QEMU: balloon, block and NIC statistics, versions. */
function qmpFigures(
  cluster: SimulatedCluster,
  guest: SimGuest,
  maxmem: number,
  seed: number,
): Record<string, unknown> {
  const total = maxmem - 128 * MiB;
  const free = Math.floor(total * 0.55);
  const netin = seed * 21_495_808;
  const netout = seed * 9_437_184;
  return {
    mem: total - free,
    balloon: maxmem,
    freemem: free,
    ballooninfo: { actual: maxmem, max_mem: maxmem, total_mem: total, free_mem: free },
    diskread: seed * 734_003_200,
    diskwrite: seed * 314_572_800,
    nics: { [`tap${guest.vmid}i0`]: { netin, netout } },
    'running-machine': runningMachine(cluster, guest),
    'running-qemu': cluster.profile.qemuVersion,
    'proxmox-support': {
      'backup-fleecing': true,
      'backup-max-workers': true,
      'pbs-dirty-bitmap': true,
      'pbs-dirty-bitmap-migration': true,
      'pbs-dirty-bitmap-savevm': true,
      'pbs-library-version': '1.5.2 (UNKNOWN)',
      'pbs-masterkey': true,
      'query-bitmap-info': true,
    },
  };
}
