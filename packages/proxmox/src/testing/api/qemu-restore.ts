import type { SimulatedCluster } from '../model/cluster.js';
import { parseDiskSize, parsePropertyString } from '../model/config-file.js';
import type { SimVolume } from '../model/inventory.js';
import { DRIVE_KEYS, driveVolume } from '../model/qemu-drives.js';
import { seedMac } from '../model/seed-vms.js';
import { allocateDisk } from './qemu-disks.js';

/**
 * Restoring a VMA archive (qemu-server `restore_vma_archive`, `restore_merge_config`): the disks
 * of the backed-up config are allocated anew for the target vmid, the config merged with the
 * request's options, and the log written as `vma extract` and the worker write it.
 */

/** `ctime(3)` as Perl's `localtime` prints it in the VMA header (`Thu Nov  6 08:10:00 2025`), in UTC. */
function ctimeString(seconds: number): string {
  const date = new Date(seconds * 1000);
  const day = date.toUTCString().slice(0, 3);
  const month = date.toUTCString().slice(8, 11);
  const time = date.toISOString().slice(11, 19);
  return `${day} ${month} ${String(date.getUTCDate()).padStart(2, ' ')} ${time} ${date.getUTCFullYear()}`;
}

/** The restored VM: its config, the disks made for it and the task log. */
export interface SimVmRestore {
  readonly config: Map<string, string>;
  readonly lines: readonly string[];
}

/**
 * Restores `archive` as VM `vmid` on `node`: disks go to `storage` (or where they were), `options`
 * override the backed-up config, `unique` gives the NICs new MAC addresses.
 */
export function restoreVma(
  cluster: SimulatedCluster,
  archive: SimVolume,
  target: { readonly vmid: number; readonly node: string },
  storage: string | undefined,
  options: Readonly<Record<string, string>>,
  unique: boolean,
): SimVmRestore {
  const backup = archive.backupConfig ?? new Map<string, string>();
  const config = new Map([...backup].filter(([key]) => !/^(lock|parent|unused\d+|vmstate)$/.test(key)));
  const drives = DRIVE_KEYS.filter((key) => {
    const value = backup.get(key);
    return value !== undefined && driveVolume(value) !== undefined;
  });
  const path = `${cluster.storages.get(archive.storage)?.properties.path ?? '/var/lib/vz'}/dump/${archive.volid.split('/').pop()}`;
  const tmp = `/var/tmp/vzdumptmp${1000 + (target.vmid % 9000)}`;
  const lines = [
    `restore vma archive: zstd -q -d -c ${path} | vma extract -v -r ${tmp}.fifo - ${tmp}`,
    `CFG: size: ${[...backup].reduce((n, [k, v]) => n + k.length + v.length + 3, 0)} name: qemu-server.conf`,
  ];
  const sizes = drives.map((key) => {
    const value = backup.get(key)!;
    const size = key === 'efidisk0' ? 540_672 : parseDiskSize(parsePropertyString(value, 'file').get('size'));
    lines.push(`DEV: dev_id=${lines.length - 1} size: ${size} devname: drive-${key}`);
    return size;
  });
  lines.push(`CTIME: ${ctimeString(archive.ctime)}`);
  const maps: string[] = [];
  for (const key of drives) {
    const value = backup.get(key)!;
    const from = driveVolume(value)!;
    const target_storage = storage ?? from.split(':')[0]!;
    const gib = parseDiskSize(parsePropertyString(value, 'file').get('size')) / 1024 ** 3;
    const request = value.replace(from, `${target_storage}:${gib}`).replace(/,size=[^,]*/, '');
    const disk = allocateDisk(cluster, target, key, request)!;
    config.set(key, disk.value);
    lines.push(...disk.lines, `new volume ID is '${disk.volid}'`);
    maps.push(`map 'drive-${key}' to '/dev/pve/${disk.volid.split(':')[1]}' (write zeros = 0)`);
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  lines.push(...maps);
  for (const percent of [1, 25, 50, 75, 100]) {
    lines.push(
      `progress ${percent}% (read ${Math.floor((total * percent) / 100)} bytes, duration ${Math.floor(percent / 4)} sec)`,
    );
  }
  lines.push(
    `total bytes read ${total}, sparse bytes ${Math.floor(total * 0.867)} (86.7%)`,
    'space reduction due to 4K zero blocks 0.5%',
    'rescan volumes...',
  );
  for (const [key, value] of Object.entries(options)) config.set(key, value);
  if (unique) {
    for (const [key, value] of config) {
      const nic = /^net(\d+)$/.exec(key);
      if (nic)
        config.set(
          key,
          value.replace(/=([0-9A-F]{2}:){5}[0-9A-F]{2}/i, `=${seedMac(target.vmid, Number(nic[1]) + 1)}`),
        );
    }
  }
  return { config, lines };
}
