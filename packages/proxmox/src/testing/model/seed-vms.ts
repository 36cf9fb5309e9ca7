import type { SimSnapshot } from './config-file.js';
import type { SimGuest, SimVolume } from './inventory.js';

/**
 * The virtual machines of the default cluster: a Home Assistant OS VM (running, UEFI, guest agent)
 * and a stopped build VM with a snapshot, with configs as `qm create` and the GUI write them.
 */

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A MAC in Proxmox's `BC:24:11` range, derived from the vmid so it is stable. */
export function seedMac(vmid: number, nic = 0): string {
  const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
  return `BC:24:11:${hex(0x5a + nic)}:${hex(vmid >> 8)}:${hex(vmid & 0xff)}`;
}

/** A UUID derived from a seed (smbios1 and vmgenid are random on real hosts). */
function seedUuid(seed: number): string {
  const hex = Array.from({ length: 32 }, (_, i) => ((seed * 131 + i * 29) % 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function vmConfig(vmid: number, ctime: number, keys: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries({
      meta: `creation-qemu=9.2.0,ctime=${ctime}`,
      numa: '0',
      scsihw: 'virtio-scsi-single',
      smbios1: `uuid=${seedUuid(vmid)}`,
      sockets: '1',
      vmgenid: seedUuid(vmid + 7),
      ...keys,
    }),
  );
}

function disk(node: string, volid: string, size: number, ctime: number, vmid: number): SimVolume {
  return { volid, storage: 'local-lvm', node, content: 'images', format: 'raw', size, ctime, vmid };
}

/** The seeded VMs and their disks, `created` (s) being when their disks were made. */
export function seedVms(
  nodes: { readonly home: string; readonly build: string },
  created: number,
  snapshotTime: number,
): { guests: SimGuest[]; volumes: SimVolume[] } {
  const DAY_MS = 24 * 3_600_000;
  const haos: SimGuest = {
    vmid: 102,
    type: 'qemu',
    node: nodes.home,
    config: vmConfig(102, created, {
      agent: '1',
      bios: 'ovmf',
      boot: 'order=scsi0',
      cores: '2',
      cpu: 'host',
      description: 'Home Assistant OS',
      efidisk0: 'local-lvm:vm-102-disk-0,efitype=4m,pre-enrolled-keys=0,size=4M',
      machine: 'q35',
      memory: '4096',
      name: 'haos',
      net0: `virtio=${seedMac(102)},bridge=vmbr0`,
      onboot: '1',
      ostype: 'l26',
      scsi0: 'local-lvm:vm-102-disk-1,discard=on,iothread=1,size=32G,ssd=1',
      tablet: '0',
      tags: 'felhom;homeassistant',
    }),
    pending: new Map(),
    snapshots: new Map(),
    status: 'running',
    startedAt: -2 * DAY_MS + 600_000,
    pid: 3125,
  };
  const builderBase = {
    boot: 'order=scsi0;ide2;net0',
    cores: '4',
    ide2: 'none,media=cdrom',
    memory: '8192',
    name: 'builder',
    net0: `virtio=${seedMac(201)},bridge=vmbr0,firewall=1`,
    ostype: 'l26',
    scsi0: 'local-lvm:vm-201-disk-0,size=40G',
  };
  const cleanInstall: SimSnapshot = {
    config: vmConfig(201, created, { ...builderBase, memory: '4096' }),
    snaptime: snapshotTime,
    description: 'fresh Debian 13 install',
    snapstate: undefined,
  };
  const builder: SimGuest = {
    vmid: 201,
    type: 'qemu',
    node: nodes.build,
    config: vmConfig(201, created, { ...builderBase, parent: 'clean-install' }),
    pending: new Map(),
    snapshots: new Map([['clean-install', cleanInstall]]),
    status: 'stopped',
    startedAt: undefined,
    pid: undefined,
  };
  const volumes = [
    disk(nodes.home, 'local-lvm:vm-102-disk-0', 4 * MiB, created, 102),
    disk(nodes.home, 'local-lvm:vm-102-disk-1', 32 * GiB, created, 102),
    disk(nodes.build, 'local-lvm:vm-201-disk-0', 40 * GiB, created, 201),
  ];
  return { guests: [haos, builder], volumes };
}
