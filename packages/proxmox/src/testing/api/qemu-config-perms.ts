import { driveFile, isCdrom, isDriveKey } from '../model/qemu-drives.js';
import { die, paramError } from '../model/sim-error.js';
import type { SimRouteContext } from './route.js';
import { checkVolumeAccess } from './volume-access.js';

/**
 * The per-option privileges of VM config changes (qemu-server `API2/Qemu.pm`
 * `$check_vm_modify_config_perm`, `$check_storage_access`, `$check_drive_perms`). Keys are checked
 * in sorted order so the first failure is deterministic (Perl walks a hash).
 */

/** Option names (space-separated) and the privilege each needs, per option group of the source. */
const groups = (...entries: (readonly [string, readonly string[]])[]): Map<string, readonly string[]> =>
  new Map(
    entries.flatMap(([names, privileges]) => names.split(' ').map((name) => [name, privileges] as const)),
  );

const PRIVILEGES_OF = groups(
  ['cores cpu runningcpu cpulimit cpuunits numa smp sockets vcpus', ['VM.Config.CPU']],
  ['memory balloon shares allow-ksm', ['VM.Config.Memory']],
  [
    'acpi hotplug kvm machine runningmachine scsihw smbios1 tablet vga watchdog audio0 rng0',
    ['VM.Config.HWType'],
  ],
  [
    'agent autostart bios description keyboard localtime migrate_downtime migrate_speed name onboot ostype protection reboot startdate startup tdf template tags',
    ['VM.Config.Options'],
  ],
  ['freeze', ['VM.PowerMgmt']],
  ['boot bootdisk vmstatestorage', ['VM.Config.Disk']],
  ['running-nets-host-mtu', ['VM.Config.Network']],
  ['vmstate', ['VM.Config.Disk', 'VM.PowerMgmt']],
);
const CLOUDINIT = new Set(
  'cicustom cipassword citype ciuser ciupgrade nameserver searchdomain sshkeys'.split(' '),
);

function privilegesFor(key: string): readonly string[] | undefined {
  if (/^numa\d+$/.test(key)) return ['VM.Config.CPU'];
  if (/^net\d+$/.test(key)) return ['VM.Config.Network'];
  return PRIVILEGES_OF.get(key);
}

/**
 * `$check_vm_modify_config_perm`: drives, `unusedN`, serial/USB/PCI/virtiofs devices are checked
 * elsewhere; anything unknown (`args`, `lock`, `hookscript`, …) is root@pam's alone, a token
 * included (`die "only root can set '…' config"`, a 500).
 */
export function checkVmConfigKeys(
  ctx: Pick<SimRouteContext, 'check'>,
  vmid: number,
  keys: readonly string[],
): void {
  const vm = `/vms/${vmid}`;
  for (const key of [...keys].sort()) {
    if (isDriveKey(key) || key === 'cdrom' || /^(unused|serial|usb|hostpci|virtiofs)\d+$/.test(key)) continue;
    if (CLOUDINIT.has(key) || /^ipconfig\d+$/.test(key)) {
      ctx.check(vm, ['VM.Config.Cloudinit', 'VM.Config.Network'], 'any');
      continue;
    }
    const privileges = privilegesFor(key);
    if (privileges === undefined) throw die(`only root can set '${key}' config`);
    ctx.check(vm, privileges);
    if (key === 'startup') ctx.check('/', ['Sys.Modify']);
  }
}

/** A new disk in PVE's `STORAGE:SIZE_IN_GiB` syntax: the storage and size, else `undefined`. */
export function newDiskRequest(value: string): { storage: string; gib: number } | undefined {
  const m = /^([a-z][a-z0-9\-_.]*[a-z0-9]):(\d+(?:\.\d+)?)$/i.exec(driveFile(value));
  return m ? { storage: m[1]!, gib: Number(m[2]) } : undefined;
}

/**
 * `$check_storage_access` for the drives among `changes`: a new disk needs `Datastore.AllocateSpace`
 * on its storage, which must hold `images`; an existing volume goes through `check_volume_access`.
 */
export function checkDriveStorage(
  ctx: Pick<SimRouteContext, 'can' | 'check' | 'cluster'>,
  vmid: number,
  changes: Readonly<Record<string, string>>,
): void {
  for (const key of Object.keys(changes).sort()) {
    const value = changes[key]!;
    if (!isDriveKey(key) || isCdrom(value)) continue;
    const request = newDiskRequest(value);
    if (request !== undefined) {
      ctx.check(`/storage/${request.storage}`, ['Datastore.AllocateSpace']);
      const storage = ctx.cluster.storages.get(request.storage);
      if (!storage) throw die(`storage '${request.storage}' does not exist`);
      if (!storage.content.includes('images')) {
        throw paramError({ storage: `storage '${request.storage}' does not support vm images` });
      }
      continue;
    }
    const file = driveFile(value);
    const volume = ctx.cluster.volumes.find((v) => v.volid === file);
    const owner = /:(?:vm|base)-(\d+)-/.exec(file);
    const storage = file.split(':')[0] ?? '';
    checkVolumeAccess(
      ctx,
      volume ?? { storage, content: 'images', ...(owner ? { vmid: Number(owner[1]) } : {}) },
      vmid,
    );
  }
}

/** `$check_drive_perms`: a CD-ROM needs `VM.Config.CDROM`, any other drive `VM.Config.Disk`. */
export function checkDrivePerms(ctx: Pick<SimRouteContext, 'check'>, vmid: number, value: string): void {
  ctx.check(`/vms/${vmid}`, [isCdrom(value) ? 'VM.Config.CDROM' : 'VM.Config.Disk']);
}
