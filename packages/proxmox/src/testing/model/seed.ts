import type { SimSnapshot } from './config-file.js';
import type { SimGuest, SimNode, SimStorage, SimVolume } from './inventory.js';
import { seedMac, seedVms } from './seed-vms.js';
import { vzdumpStamp } from './time-format.js';

/**
 * The cluster every simulator starts with: three nodes, four containers (two running), two VMs
 * (one running), a local directory storage with templates and backups, an LVM-thin storage with
 * the guests' disks, and a shared NFS backup storage. Shapes and names follow what real hosts show.
 */
export interface SimSeed {
  readonly nodes: SimNode[];
  readonly guests: SimGuest[];
  readonly storages: SimStorage[];
  readonly volumes: SimVolume[];
}

const GiB = 1024 ** 3;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Seconds since the epoch, as PVE stores `ctime` and `snaptime`. */
const seconds = (ms: number): number => Math.floor(ms / 1000);

const fingerprint = (seed: number): string =>
  Array.from({ length: 32 }, (_, i) =>
    ((seed * 37 + i * 11) & 0xff).toString(16).toUpperCase().padStart(2, '0'),
  ).join(':');

function ctConfig(vmid: number, hostname: string, extra: Record<string, string> = {}): Map<string, string> {
  const mac = seedMac(vmid);
  return new Map(
    Object.entries({
      arch: 'amd64',
      cores: '2',
      features: 'nesting=1',
      hostname,
      memory: '1024',
      net0: `name=eth0,bridge=vmbr0,hwaddr=${mac},ip=dhcp,type=veth`,
      onboot: '1',
      ostype: 'debian',
      rootfs: `local-lvm:vm-${vmid}-disk-0,size=8G`,
      swap: '512',
      unprivileged: '1',
      ...extra,
    }),
  );
}

function rootVolume(node: string, vmid: number, size: number, ctime: number): SimVolume {
  return {
    volid: `local-lvm:vm-${vmid}-disk-0`,
    storage: 'local-lvm',
    node,
    content: 'rootdir',
    format: 'raw',
    size,
    ctime,
    vmid,
  };
}

/**
 * Builds the default cluster as it stands at wall time `nowMs`: every time in it (volume and
 * snapshot times, backup names) lies a fixed span before that, whatever year it is. Boot and
 * start times are on the cluster's elapsed-time scale, which starts at 0 now.
 */
export function defaultSeed(nodeNames: readonly string[], nowMs: number): SimSeed {
  const nodes: SimNode[] = nodeNames.map((name, i) => ({
    name,
    online: true,
    bootedAt: -(3 + i) * DAY_MS,
    maxcpu: 8,
    maxmem: 32 * GiB,
    maxdisk: 100 * GiB,
    sslFingerprint: fingerprint(i + 1),
    ip: `192.168.10.${11 + i}`,
    nodeid: i + 1,
  }));
  const [n1 = 'pve1', n2 = n1, n3 = n2] = nodeNames;
  // Whole hours, so the names and times read like a host's rather than like a test's clock.
  const hoursAgo = (hours: number): number => Math.floor(nowMs / HOUR_MS - hours) * HOUR_MS;
  const created = seconds(hoursAgo(78 * 24));
  const before = new Map<string, SimSnapshot>([
    [
      'before-upgrade',
      {
        config: ctConfig(101, 'db', { memory: '2048', tags: 'felhom;db' }),
        snaptime: seconds(hoursAgo(38 * 24) + 30 * 60_000),
        description: 'before the PostgreSQL 17 upgrade',
        snapstate: undefined,
      },
    ],
  ]);
  const guests: SimGuest[] = [
    {
      vmid: 100,
      type: 'lxc',
      node: n1,
      config: ctConfig(100, 'web', { description: 'felhom web front end', tags: 'felhom;web' }),
      snapshots: new Map(),
      status: 'running',
      startedAt: -2 * DAY_MS,
      pid: 4711,
    },
    {
      vmid: 101,
      type: 'lxc',
      node: n1,
      config: ctConfig(101, 'db', { memory: '2048', tags: 'felhom;db', parent: 'before-upgrade' }),
      snapshots: before,
      status: 'stopped',
      startedAt: undefined,
      pid: undefined,
    },
    {
      vmid: 200,
      type: 'lxc',
      node: n2,
      config: ctConfig(200, 'media', { cores: '4', memory: '4096' }),
      snapshots: new Map(),
      status: 'running',
      startedAt: -DAY_MS,
      pid: 5120,
    },
    {
      vmid: 300,
      type: 'lxc',
      node: n3,
      config: ctConfig(300, 'archive'),
      snapshots: new Map(),
      status: 'stopped',
      startedAt: undefined,
      pid: undefined,
    },
  ];
  const storages: SimStorage[] = [
    {
      id: 'local',
      type: 'dir',
      content: ['iso', 'vztmpl', 'backup'],
      shared: false,
      properties: { path: '/var/lib/vz', 'prune-backups': 'keep-all=1' },
      total: 100 * GiB,
      baseUsed: 12 * GiB,
    },
    {
      id: 'local-lvm',
      type: 'lvmthin',
      content: ['rootdir', 'images'],
      shared: false,
      properties: { thinpool: 'data', vgname: 'pve' },
      total: 350 * GiB,
      baseUsed: 0,
    },
    {
      id: 'nas',
      type: 'nfs',
      content: ['backup'],
      shared: true,
      properties: {
        server: '192.168.10.5',
        export: '/export/pve',
        path: '/mnt/pve/nas',
        options: 'vers=4.2',
      },
      total: 2048 * GiB,
      baseUsed: 640 * GiB,
    },
  ];
  const templates = ['debian-12-standard_12.7-1_amd64.tar.zst', 'alpine-3.22-default_20250617_amd64.tar.xz'];
  const volumes: SimVolume[] = [];
  for (const node of nodes) {
    for (const [i, name] of templates.entries()) {
      volumes.push({
        volid: `local:vztmpl/${name}`,
        storage: 'local',
        node: node.name,
        content: 'vztmpl',
        format: name.endsWith('.zst') ? 'tzst' : 'txz',
        size: i === 0 ? 126_735_892 : 3_245_180,
        ctime: created,
      });
    }
  }
  for (const guest of guests) {
    volumes.push(rootVolume(guest.node, guest.vmid, 8 * GiB, created));
  }
  const vms = seedVms({ home: n1, build: n2 }, created, seconds(hoursAgo(20 * 24)));
  guests.push(...vms.guests);
  volumes.push(...vms.volumes);
  const web = guests[0]!;
  const backupMs = hoursAgo(26 * 24);
  const backupCtime = seconds(backupMs);
  volumes.push({
    volid: `local:backup/vzdump-lxc-100-${vzdumpStamp(backupMs)}.tar.zst`,
    storage: 'local',
    node: n1,
    content: 'backup',
    format: 'tar.zst',
    size: 412_345_678,
    ctime: backupCtime,
    vmid: 100,
    notes: 'web',
    subtype: 'lxc',
    backupConfig: new Map(web.config),
  });
  volumes.push({
    volid: `nas:backup/vzdump-lxc-101-${vzdumpStamp(backupMs + 300_000)}.tar.zst`,
    storage: 'nas',
    node: undefined,
    content: 'backup',
    format: 'tar.zst',
    size: 918_273_645,
    ctime: backupCtime + 300,
    vmid: 101,
    notes: 'db',
    subtype: 'lxc',
    backupConfig: new Map([...guests[1]!.config].filter(([k]) => k !== 'parent')),
  });
  const haos = vms.guests[0]!;
  volumes.push({
    volid: `nas:backup/vzdump-qemu-102-${vzdumpStamp(backupMs + 600_000)}.vma.zst`,
    storage: 'nas',
    node: undefined,
    content: 'backup',
    format: 'vma.zst',
    size: 1_632_478_912,
    ctime: backupCtime + 600,
    vmid: 102,
    notes: 'haos',
    subtype: 'qemu',
    backupConfig: new Map(haos.config),
  });
  return { nodes, guests, storages, volumes };
}
