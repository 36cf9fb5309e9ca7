import { destroyVolume, lockProblem, markRunning, markStopped } from '../../model/guest-state.js';
import { die } from '../../model/sim-error.js';
import { P } from '../params.js';
import {
  rolledBackConfig,
  snapshotConfig,
  snapshotVolumes,
  vmstateLines,
  vmstateVolume,
} from '../qemu-snapshot-steps.js';
import { failure, vmForWorker, vmTask } from '../qemu-tasks.js';
import { runningMachine } from '../qemu-views.js';
import type { SimRoute } from '../route.js';
import { loadGuest } from '../views.js';

/**
 * VM snapshots (qemu-server `API2/Qemu.pm`, pve-guest-common `AbstractConfig.pm`). The list and
 * the config load of a create are synchronous; the `qmsnapshot`, `qmdelsnapshot` and `qmrollback`
 * workers find locks, unknown or used names. A snapshot with `vmstate` holds the RAM of a running
 * VM; rolling back to it starts the VM where it was.
 */

/** GET …/qemu/{vmid}/snapshot — `VM.Audit`; every entry has `vmstate` and `snaptime`; `current` last. */
const list: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/qemu/{vmid}/snapshot',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: { properties: { node: P.node, vmid: P.vmid } },
  handle: ({ cluster, params }) => {
    const guest = loadGuest(cluster, params.node!, Number(params.vmid), 'qemu');
    const data: Record<string, unknown>[] = [...guest.snapshots.entries()].map(([name, snap]) => ({
      name,
      snaptime: snap.snaptime,
      vmstate: snap.config.has('vmstate') ? 1 : 0,
      description: snap.description,
      ...(snap.config.has('parent') ? { parent: snap.config.get('parent') } : {}),
      ...(snap.snapstate ? { snapstate: snap.snapstate } : {}),
    }));
    const parent = guest.config.get('parent');
    data.push({
      name: 'current',
      digest: cluster.digest(guest),
      running: guest.status === 'running' ? 1 : 0,
      description: 'You are here!',
      ...(parent === undefined ? {} : { parent }),
    });
    return { data };
  },
};

/** POST …/qemu/{vmid}/snapshot — `VM.Snapshot`; reserved names and a missing VM fail the call. */
const create: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/snapshot',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Snapshot'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      snapname: P.snapname,
      vmstate: P.optionalBoolean,
      description: P.optionalString,
    },
  },
  handle: (ctx) => {
    const name = ctx.params.snapname!;
    if (name === 'current') throw die("unable to use snapshot name 'current' (reserved name)");
    if (name.toLowerCase() === 'pending') throw die("unable to use snapshot name 'pending' (reserved name)");
    const guest = loadGuest(ctx.cluster, ctx.params.node!, Number(ctx.params.vmid), 'qemu');
    const problem =
      guest.config.get('template') === '1'
        ? "you can't take a snapshot if it's a template"
        : (lockProblem(guest) ??
          (guest.snapshots.has(name) ? `snapshot name '${name}' already used` : undefined));
    if (problem) return vmTask(ctx, 'qmsnapshot', failure(problem));
    const { cluster } = ctx;
    const withState = ctx.params.vmstate === '1' && guest.status === 'running';
    const taken = snapshotConfig(guest.config);
    const lines: string[] = [];
    const state = withState ? vmstateVolume(cluster, guest, name) : undefined;
    if (state) {
      lines.push(...vmstateLines(guest, state));
      taken.set('vmstate', state.volid);
      taken.set('runningmachine', runningMachine(cluster, guest));
      taken.set('runningcpu', 'host,+kvm_pv_eoi,+kvm_pv_unhalt');
    }
    lines.push(...snapshotVolumes(guest, name, 'create'));
    // __snapshot_prepare: the lock and a `prepare` section are written before the real work
    guest.config.set('lock', 'snapshot');
    guest.snapshots.set(name, {
      config: taken,
      snaptime: Math.floor(cluster.now() / 1000),
      description: ctx.params.description ?? '',
      snapstate: 'prepare',
    });
    return vmTask(
      ctx,
      'qmsnapshot',
      { kind: 'ok' },
      {
        lines,
        onSuccess: () => {
          const snap = guest.snapshots.get(name);
          if (snap) snap.snapstate = undefined;
          guest.config.set('parent', name);
        },
        onEnd: () => {
          guest.config.delete('lock');
          if (guest.snapshots.get(name)?.snapstate !== 'prepare') return;
          // a failed snapshot is cleaned up, its RAM state included
          guest.snapshots.delete(name);
          if (state) destroyVolume(cluster, state.volid);
        },
      },
    );
  },
};

/** DELETE …/qemu/{vmid}/snapshot/{snapname} — `VM.Snapshot`; worker `qmdelsnapshot`. */
const remove: SimRoute = {
  method: 'DELETE',
  path: '/nodes/{node}/qemu/{vmid}/snapshot/{snapname}',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Snapshot'] },
  params: { properties: { node: P.node, vmid: P.vmid, snapname: P.snapname, force: P.optionalBoolean } },
  handle: (ctx) => {
    const name = ctx.params.snapname!;
    const guest = vmForWorker(ctx);
    if (typeof guest === 'string') return vmTask(ctx, 'qmdelsnapshot', failure(guest));
    const snap = guest.snapshots.get(name);
    // snapshot_delete: the snapshot must exist, then `set_lock` checks the lock (even with force)
    const problem = !snap
      ? `snapshot '${name}' does not exist`
      : (lockProblem(guest) ??
        (guest.config.get('template') === '1'
          ? "you can't delete a snapshot if vm is a template"
          : undefined));
    if (problem || !snap) return vmTask(ctx, 'qmdelsnapshot', failure(problem ?? ''));
    const { cluster } = ctx;
    guest.config.set('lock', 'snapshot-delete');
    snap.snapstate = 'delete';
    const state = snap.config.get('vmstate');
    const lines = [
      ...(state === undefined ? [] : [`  Logical volume "${state.split(':')[1]}" successfully removed.`]),
      ...snapshotVolumes(guest, name, 'delete'),
    ];
    return vmTask(
      ctx,
      'qmdelsnapshot',
      { kind: 'ok' },
      {
        lines,
        onSuccess: () => {
          if (state !== undefined) destroyVolume(cluster, state);
          const parent = snap.config.get('parent');
          guest.snapshots.delete(name);
          for (const config of [
            guest.config,
            ...[...guest.snapshots.values()].map((other) => other.config),
          ]) {
            if (config.get('parent') !== name) continue;
            if (parent === undefined) config.delete('parent');
            else config.set('parent', parent);
          }
        },
        onEnd: () => {
          guest.config.delete('lock');
          const left = guest.snapshots.get(name);
          if (left) left.snapstate = undefined;
        },
      },
    );
  },
};

/**
 * POST …/snapshot/{snapname}/rollback — `VM.Snapshot` or `VM.Snapshot.Rollback`, and
 * `VM.PowerMgmt` for `start=1` (checked before forking); worker `qmrollback` stops a running VM,
 * restores the disks and config, and starts the VM when the snapshot holds its RAM or `start=1`.
 */
const rollback: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/snapshot/{snapname}/rollback',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Snapshot', 'VM.Snapshot.Rollback'], mode: 'any' },
  params: { properties: { node: P.node, vmid: P.vmid, snapname: P.snapname, start: P.optionalBoolean } },
  handle: (ctx) => {
    const startAfter = ctx.params.start === '1';
    if (startAfter) ctx.check(`/vms/${ctx.params.vmid}`, ['VM.PowerMgmt']);
    const name = ctx.params.snapname!;
    const guest = vmForWorker(ctx);
    if (typeof guest === 'string') return vmTask(ctx, 'qmrollback', failure(guest));
    const snap = guest.snapshots.get(name);
    const problem =
      guest.config.get('template') === '1'
        ? "you can't rollback if vm is a template"
        : !snap
          ? `snapshot '${name}' does not exist`
          : snap.snapstate
            ? `unable to rollback to incomplete snapshot (snapstate = ${snap.snapstate})`
            : lockProblem(guest);
    if (problem || !snap) return vmTask(ctx, 'qmrollback', failure(problem ?? ''));
    const { cluster } = ctx;
    if (guest.status === 'running') markStopped(guest);
    guest.config.set('lock', 'rollback');
    const resume = snap.config.has('vmstate');
    return vmTask(
      ctx,
      'qmrollback',
      { kind: 'ok' },
      {
        lines: snapshotVolumes(guest, name, 'rollback'),
        onSuccess: () => {
          const restored = rolledBackConfig(guest, snap.config, name);
          guest.config = restored;
          guest.pending?.clear();
          if (resume || startAfter) markRunning(cluster, guest);
        },
        onEnd: () => {
          guest.config.delete('lock');
        },
      },
    );
  },
};

/** The VM snapshot routes. */
export const QEMU_SNAPSHOT_ROUTES: readonly SimRoute[] = [list, create, remove, rollback];
