import type { SimulatedCluster } from '../model/cluster.js';
import { parsePropertyString } from '../model/config-file.js';
import { formatSize } from '../model/sizes.js';
import { newDiskRequest } from './qemu-config-perms.js';

/**
 * `create_disks` for the `STORAGE:SIZE_IN_GiB` drives of a create or config update: allocates the
 * volume (`vm-<vmid>-disk-<n>` on LVM-thin, a qcow2 file on a directory storage) and writes the
 * drive with its volume id and size, options sorted as `print_drive` does.
 */

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** The drive value with the allocated volume, and the log line `lvcreate` writes. */
export interface SimAllocatedDisk {
  readonly value: string;
  readonly volid: string;
  readonly lines: readonly string[];
}

/** Allocates the disk a drive value asks for, or returns `undefined` when it names an existing volume. */
export function allocateDisk(
  cluster: SimulatedCluster,
  target: { readonly vmid: number; readonly node: string },
  key: string,
  value: string,
): SimAllocatedDisk | undefined {
  const request = newDiskRequest(value);
  if (request === undefined) return undefined;
  const storage = cluster.storages.get(request.storage)!;
  // EFI vars and TPM state have fixed sizes; LVM rounds them up to one 4 MiB extent
  const size = key === 'efidisk0' || key === 'tpmstate0' ? 4 * MiB : Math.round(request.gib * GiB);
  const taken = new Set(cluster.volumes.map((volume) => volume.volid));
  const dir = storage.type === 'dir';
  let index = 0;
  const name = (n: number): string =>
    dir ? `${target.vmid}/vm-${target.vmid}-disk-${n}.qcow2` : `vm-${target.vmid}-disk-${n}`;
  while (taken.has(`${storage.id}:${name(index)}`)) index++;
  const volid = `${storage.id}:${name(index)}`;
  cluster.volumes.push({
    volid,
    storage: storage.id,
    node: storage.shared ? undefined : target.node,
    content: 'images',
    format: dir ? 'qcow2' : 'raw',
    size,
    ctime: Math.floor(cluster.now() / 1000),
    vmid: target.vmid,
  });
  const options = parsePropertyString(value, 'file');
  options.delete('file');
  options.set('size', formatSize(size));
  const rest = [...options.keys()].sort().map((name) => `${name}=${options.get(name)}`);
  return {
    value: [volid, ...rest].join(','),
    volid,
    lines: dir ? [] : [`  Logical volume "${name(index)}" created.`],
  };
}
