import { destroyVolume, lockProblem } from '../model/guest-state.js';
import type { SimGuest } from '../model/inventory.js';
import { addUnused, driveVolume, isDriveKey } from '../model/qemu-drives.js';
import { seedMac } from '../model/seed-vms.js';
import { die, paramError } from '../model/sim-error.js';
import { checkBridgeAccess } from './bridge-access.js';
import { splitList } from './params.js';
import { checkDrivePerms, checkDriveStorage, checkVmConfigKeys } from './qemu-config-perms.js';
import { allocateDisk } from './qemu-disks.js';
import { appliesLive } from './qemu-hotplug.js';
import { QEMU_OPTIONS, qemuIndexedOption } from './qemu-options.js';
import type { SimRouteContext } from './route.js';
import { loadGuest, memoryMiB } from './views.js';

/**
 * VM config changes (qemu-server `API2/Qemu.pm` `$update_vm_api`), shared by the synchronous
 * `PUT …/config` and the task-running `POST …/config`: the checks before the change (in the
 * handler's order), then the change itself, immediately on a stopped VM and through `[PENDING]`
 * for what a running VM cannot take at once.
 */

/** A parsed config change. */
export interface SimVmConfigChange {
  readonly vmid: number;
  readonly node: string;
  readonly digest: string | undefined;
  readonly force: boolean;
  readonly deleted: readonly string[];
  readonly reverted: readonly string[];
  readonly changes: Readonly<Record<string, string>>;
  /** `-key value …` as the worker logs it (`update VM 102: -memory 2048`). */
  readonly logLine: string;
}

const INTERNAL_KEYS = new Set(['vmstate', 'meta', 'runningmachine', 'runningcpu', 'running-nets-host-mtu']);
const optionExists = (key: string): boolean =>
  key in QEMU_OPTIONS || qemuIndexedOption(key) !== undefined || INTERNAL_KEYS.has(key);

/** Everything `$update_vm_api` checks before it loads the config: parameters, then privileges. */
export function parseVmConfigChange(ctx: SimRouteContext): SimVmConfigChange {
  const { node = '', vmid: vmidText, digest, background_delay: _delay, ...rest } = ctx.params;
  const vmid = Number(vmidText);
  const logLine = Object.keys(rest)
    .sort()
    .map((key) => `-${key} ${key === 'cipassword' ? '<hidden>' : rest[key]}`)
    .join(' ');
  const { skiplock, delete: deleteText, revert: revertText, force, ...given } = rest;
  const changes: Record<string, string> = { ...given };
  // only root@pam itself may skip the lock, which no API token is
  if (skiplock === '1') throw paramError({ skiplock: 'Only root may use this option.' });
  if (deleteText === undefined && revertText === undefined && Object.keys(changes).length === 0) {
    throw die('no options specified');
  }
  if (changes.cdrom !== undefined) {
    changes.ide2 = changes.cdrom.includes('media=') ? changes.cdrom : `${changes.cdrom},media=cdrom`;
    delete changes.cdrom;
  }
  const reverted = splitList(revertText ?? '');
  for (const key of reverted) {
    if (!optionExists(key)) throw paramError({ revert: `unknown option '${key}'` });
    if (key in changes)
      throw paramError({ delete: `you can't use '-${key}' and -revert ${key}' at the same time` });
  }
  const deleted = splitList(deleteText ?? '').map((key) => (key === 'cdrom' ? 'ide2' : key));
  for (const key of deleted) {
    if (key in changes)
      throw paramError({ delete: `you can't use '-${key}' and -delete ${key}' at the same time` });
    if (reverted.includes(key)) {
      throw paramError({ revert: `you can't use '-delete ${key}' and -revert ${key}' at the same time` });
    }
    if (!optionExists(key)) throw paramError({ delete: `unknown option '${key}'` });
  }
  for (const [key, value] of Object.entries(changes)) {
    // print_net: a NIC without a MAC address gets one
    if (/^net\d+$/.test(key) && /^[a-z0-9-]+(,|$)/.test(value)) {
      changes[key] = value.replace(/^([a-z0-9-]+)/, `$1=${seedMac(vmid, Number(key.slice(3)) + 1)}`);
    }
  }
  checkVmConfigKeys(ctx, vmid, deleted);
  checkVmConfigKeys(ctx, vmid, Object.keys(changes));
  checkDriveStorage(ctx, vmid, changes);
  for (const [key, value] of Object.entries(changes)) if (/^net\d+$/.test(key)) checkBridgeAccess(ctx, value);
  return { vmid, node, digest, force: force === '1', deleted, reverted, changes, logLine };
}

/** `$load_and_check_config`: the VM, its digest, its lock, the balloon limit. */
export function loadVmForChange(ctx: SimRouteContext, change: SimVmConfigChange): SimGuest {
  const guest = loadGuest(ctx.cluster, change.node, change.vmid, 'qemu');
  if (change.digest !== undefined && change.digest !== ctx.cluster.digest(guest)) {
    throw die('checksum mismatch (file change by other user?)');
  }
  const locked = lockProblem(guest);
  if (locked) throw die(locked);
  const balloon = change.changes.balloon;
  const memory = change.changes.memory;
  const maxMiB =
    memory === undefined ? memoryMiB(guest) : Number.parseInt(memory.replace(/^current=/, ''), 10);
  if (balloon !== undefined && Number(balloon) > maxMiB) {
    throw die('balloon value too large (must be smaller than assigned memory)');
  }
  return guest;
}

/**
 * The per-drive privilege checks `$updatefn` makes before writing (`VM.Config.Disk` or
 * `VM.Config.CDROM` for old and new drive values, `VM.Config.Disk` for unused disks).
 */
export function checkChangedDrives(ctx: SimRouteContext, guest: SimGuest, change: SimVmConfigChange): void {
  for (const key of change.deleted) {
    const old = guest.config.get(key) ?? guest.pending?.get(key);
    if (old === undefined) continue;
    if (/^unused\d+$/.test(key) || isDriveKey(key)) {
      if (guest.config.get('protection') === '1') {
        throw die(
          `can't remove ${/^unused/.test(key) ? `unused disk '${old}'` : `drive '${key}'`} - protection mode enabled`,
        );
      }
      if (/^unused\d+$/.test(key)) ctx.check(`/vms/${guest.vmid}`, ['VM.Config.Disk']);
      else checkDrivePerms(ctx, guest.vmid, old);
    }
  }
  for (const [key, value] of Object.entries(change.changes)) {
    if (!isDriveKey(key)) continue;
    const old = guest.config.get(key);
    if (old !== undefined) checkDrivePerms(ctx, guest.vmid, old);
    checkDrivePerms(ctx, guest.vmid, value);
  }
}

/** Writes the change: returns the log lines (`cannot delete …`, `lvcreate` output). */
export function applyVmConfigChange(
  ctx: SimRouteContext,
  guest: SimGuest,
  change: SimVmConfigChange,
): string[] {
  const { cluster } = ctx;
  const lines: string[] = [];
  const running = guest.status === 'running';
  guest.pending ??= new Map();
  const pending = guest.pending;
  const pendingDeletes = new Set(splitList(pending.get('delete') ?? ''));
  const setPendingDeletes = (): void => {
    if (pendingDeletes.size === 0) pending.delete('delete');
    else pending.set('delete', [...pendingDeletes].join(','));
  };
  for (const key of change.reverted) {
    pending.delete(key);
    pendingDeletes.delete(key);
    pendingDeletes.delete(`!${key}`);
  }
  for (const key of change.deleted) {
    const old = guest.config.get(key) ?? pending.get(key);
    if (old === undefined) {
      lines.push(`cannot delete '${key}' - not set in current configuration!`);
      continue;
    }
    pending.delete(key);
    if (!guest.config.has(key)) continue; // only a pending value: dropping it is the whole change
    if (/^unused\d+$/.test(key) || key === 'tags' || !running || appliesLive(guest, key, undefined)) {
      guest.config.delete(key);
      const volid = isDriveKey(key) ? driveVolume(old) : /^unused\d+$/.test(key) ? old : undefined;
      if (volid !== undefined && (change.force || /^unused\d+$/.test(key))) destroyVolume(cluster, volid);
      else if (volid !== undefined) addUnused(guest.config, volid);
    } else {
      pendingDeletes.add(change.force ? `!${key}` : key);
    }
  }
  for (const [key, requested] of Object.entries(change.changes)) {
    const allocated = allocateDisk(cluster, guest, key, requested);
    if (allocated) lines.push(...allocated.lines);
    const value = allocated?.value ?? requested;
    pendingDeletes.delete(key);
    pendingDeletes.delete(`!${key}`);
    if (running && !appliesLive(guest, key, value)) {
      if (guest.config.get(key) === value) pending.delete(key);
      else pending.set(key, value);
      continue;
    }
    pending.delete(key);
    const old = guest.config.get(key);
    const oldVolume = old !== undefined && isDriveKey(key) ? driveVolume(old) : undefined;
    guest.config.set(key, value);
    if (oldVolume !== undefined && oldVolume !== driveVolume(value)) addUnused(guest.config, oldVolume);
  }
  setPendingDeletes();
  return lines;
}
