import type { SimulatedCluster } from './cluster.js';
import type { SimGuest } from './inventory.js';
import { addUnused, driveVolume, isDriveKey } from './qemu-drives.js';

/**
 * Runtime state changes every guest goes through (start, stop, pending changes), in one place so
 * the power, snapshot, restore and migration handlers agree on them.
 */

/** `CT` or `VM`: how PVE names the guest type in messages (`VM is locked (backup)`). */
export function guestWord(guest: Pick<SimGuest, 'type'>): 'CT' | 'VM' {
  return guest.type === 'qemu' ? 'VM' : 'CT';
}

/** The config file path below `/etc/pve`, as "does not exist" messages name it. */
export function configPath(type: SimGuest['type'], node: string, vmid: number): string {
  return `nodes/${node}/${type === 'qemu' ? 'qemu-server' : 'lxc'}/${vmid}.conf`;
}

/** `check_lock`: the text a locked guest's operations die with, or `undefined`. */
export function lockProblem(guest: SimGuest): string | undefined {
  const lock = guest.config.get('lock');
  return lock === undefined ? undefined : `${guestWord(guest)} is locked (${lock})`;
}

/** What the state changes touch besides the guest: the clock and the volumes. */
export type SimGuestHost = Pick<SimulatedCluster, 'elapsed' | 'volumes'>;

/**
 * Marks a guest running from now on; a VM's pending changes take effect as it starts
 * (`vmconfig_apply_pending`).
 */
export function markRunning(host: SimGuestHost, guest: SimGuest): void {
  applyPending(host, guest);
  guest.status = 'running';
  guest.startedAt = host.elapsed();
  guest.pid = 10_000 + ((guest.vmid * 7919) % 50_000);
}

/** Marks a guest stopped. */
export function markStopped(guest: SimGuest): void {
  guest.status = 'stopped';
  guest.startedAt = undefined;
  guest.pid = undefined;
}

/**
 * Moves the `[PENDING]` section into the config (`vmconfig_apply_pending`): values set, `delete`d
 * keys removed, a removed disk kept as `unusedN`.
 */
export function applyPending(host: SimGuestHost, guest: SimGuest): void {
  const pending = guest.pending;
  if (pending === undefined || pending.size === 0) return;
  const next = new Map(guest.config);
  for (const entry of (pending.get('delete') ?? '').split(',')) {
    // `!key` marks a forced delete: the disk is destroyed rather than kept as unused.
    const key = entry.replace(/^!/, '');
    const old = next.get(key);
    next.delete(key);
    const volid = old === undefined || !isDriveKey(key) ? undefined : driveVolume(old);
    if (volid === undefined) continue;
    if (entry.startsWith('!')) destroyVolume(host, volid);
    else addUnused(next, volid);
  }
  for (const [key, value] of pending) if (key !== 'delete') next.set(key, value);
  guest.config = next;
  pending.clear();
}

/** Removes a volume from its storage (`vdisk_free`). */
export function destroyVolume(host: SimGuestHost, volid: string): void {
  const index = host.volumes.findIndex((volume) => volume.volid === volid);
  if (index !== -1) host.volumes.splice(index, 1);
}
