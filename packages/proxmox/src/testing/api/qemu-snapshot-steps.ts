import { randomUUID } from 'node:crypto';
import type { SimulatedCluster } from '../model/cluster.js';
import type { SimGuest, SimVolume } from '../model/inventory.js';
import { DRIVE_KEYS, driveVolume } from '../model/qemu-drives.js';
import { renderBytes } from '../model/sizes.js';
import { memoryMiB } from './views.js';

/**
 * What VM snapshot workers do to the disks, and the lines they log (qemu-server
 * `PVE/QemuConfig.pm`; LVM-thin's `lvcreate`/`lvremove` output).
 */

const MiB = 1024 ** 2;

/** The VM's disk volumes in PVE's drive order, as `foreach_volume` walks them (CD-ROMs skipped). */
function diskVolumes(guest: SimGuest): { key: string; volid: string }[] {
  const out: { key: string; volid: string }[] = [];
  for (const key of DRIVE_KEYS) {
    const value = guest.config.get(key);
    const volid = value === undefined ? undefined : driveVolume(value);
    if (volid !== undefined) out.push({ key, volid });
  }
  return out;
}

const lvName = (volid: string): string => volid.slice(volid.indexOf(':') + 1);

/** The log lines of taking, deleting or rolling back to snapshot `name` on each disk. */
export function snapshotVolumes(
  guest: SimGuest,
  name: string,
  step: 'create' | 'delete' | 'rollback',
): string[] {
  return diskVolumes(guest).flatMap(({ key, volid }) => {
    const lv = lvName(volid);
    if (step === 'create') {
      return [`snapshotting 'drive-${key}' (${volid})`, `  Logical volume "snap_${lv}_${name}" created.`];
    }
    if (step === 'delete') return [`  Logical volume "snap_${lv}_${name}" successfully removed.`];
    return [`  Logical volume "${lv}" successfully removed.`, `  Logical volume "${lv}" created.`];
  });
}

/**
 * `__snapshot_save_vmstate`: allocates `vm-<vmid>-state-<name>` (twice the RAM plus 500 MiB) on
 * `vmstatestorage` or the storage of the first disk.
 */
export function vmstateVolume(cluster: SimulatedCluster, guest: SimGuest, name: string): SimVolume {
  const first = diskVolumes(guest)[0]?.volid ?? 'local-lvm:';
  const storage = guest.config.get('vmstatestorage') ?? first.split(':')[0]!;
  const volume: SimVolume = {
    volid: `${storage}:vm-${guest.vmid}-state-${name}`,
    storage,
    node: cluster.storages.get(storage)?.shared ? undefined : guest.node,
    content: 'images',
    format: 'raw',
    size: (memoryMiB(guest) * 2 + 500) * MiB,
    ctime: Math.floor(cluster.now() / 1000),
    vmid: guest.vmid,
  };
  cluster.volumes.push(volume);
  return volume;
}

/** The log of saving the RAM: the state volume created, progress, the total. */
export function vmstateLines(guest: SimGuest, state: SimVolume): string[] {
  const ram = memoryMiB(guest) * MiB * 0.38;
  return [
    `  Logical volume "${lvName(state.volid)}" created.`,
    `saving VM state and RAM using storage '${state.storage}'`,
    `${renderBytes(ram * 0.004)} in 0s`,
    `${renderBytes(ram * 0.61)} in 1s`,
    `completed saving the VM state in 2s, saved ${renderBytes(ram)}`,
  ];
}

/** Keys `__snapshot_copy_config` leaves out of a snapshot (and of a rollback). */
const NOT_COPIED = /^(snapstate|snaptime|vmstate|lock|digest|description|unused\d+)$/;

/** `__snapshot_copy_config`: what a snapshot keeps of the current config. */
export function snapshotConfig(config: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...config].filter(([key]) => !NOT_COPIED.test(key)));
}

/**
 * `__snapshot_apply_config` and the rollback hook: the snapshot's config over the current
 * description and unused disks, without the saved machine state, with a new VM generation id.
 */
export function rolledBackConfig(
  guest: SimGuest,
  snap: ReadonlyMap<string, string>,
  name: string,
): Map<string, string> {
  const restored = new Map([...guest.config].filter(([key]) => /^unused\d+$|^description$/.test(key)));
  for (const [key, value] of snap) {
    if (!NOT_COPIED.test(key) && key !== 'runningmachine' && key !== 'runningcpu') restored.set(key, value);
  }
  // the VM learns it is another generation (a restored database can tell it was rolled back)
  if (restored.has('vmgenid')) restored.set('vmgenid', randomUUID());
  restored.set('parent', name);
  return restored;
}
