import { lockProblem, markRunning, markStopped } from '../../model/guest-state.js';
import type { SimGuest } from '../../model/inventory.js';
import { die } from '../../model/sim-error.js';
import type { SimTaskOutcome } from '../../model/tasks.js';
import { P } from '../params.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { loadGuest } from '../views.js';

/**
 * Snapshots (pve-container `API2/LXC/Snapshot.pm`): the list is synchronous; create, delete and
 * rollback fork a worker at once, and the worker finds a missing CT, a lock, an unknown or
 * already-used name — so those end the task with `TASK ERROR: …` rather than failing the POST.
 */

/** GET …/snapshot — check `['perm', '/vms/{vmid}', ['VM.Audit']]`; the `current` entry comes last. */
const list: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/lxc/{vmid}/snapshot',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: { properties: { node: P.node, vmid: P.vmid } },
  handle: ({ cluster, params }) => {
    const guest = loadGuest(cluster, params.node!, Number(params.vmid));
    const data: Record<string, unknown>[] = [...guest.snapshots.entries()].map(([name, snap]) => ({
      name,
      snaptime: snap.snaptime,
      description: snap.description,
      ...(snap.config.has('parent') ? { parent: snap.config.get('parent') } : {}),
      ...(snap.snapstate ? { snapstate: snap.snapstate } : {}),
    }));
    const parent = guest.config.get('parent');
    data.push({
      name: 'current',
      description: 'You are here!',
      digest: cluster.digest(guest),
      running: guest.status === 'running' ? 1 : 0,
      ...(parent === undefined ? {} : { parent }),
    });
    return { data };
  },
};

/** The guest as the worker loads it, or the error it dies with. */
function workerGuest(ctx: SimRouteContext): SimGuest | SimTaskOutcome {
  try {
    return loadGuest(ctx.cluster, ctx.params.node!, Number(ctx.params.vmid));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}

function failedTask(ctx: SimRouteContext, type: string, outcome: SimTaskOutcome): string {
  return ctx.cluster.startTask({
    node: ctx.params.node!,
    type,
    id: ctx.params.vmid!,
    user: taskUser(ctx),
    lines: [],
    outcome,
    durationMs: ctx.cluster.taskDuration(type),
  }).upid;
}

const diskOf = (guest: SimGuest): string => `vm-${guest.vmid}-disk-0`;

/** POST …/snapshot — check `['perm', '/vms/{vmid}', ['VM.Snapshot']]`; worker `vzsnapshot`. */
const create: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/lxc/{vmid}/snapshot',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Snapshot'] },
  params: { properties: { node: P.node, vmid: P.vmid, snapname: P.snapname, description: P.optionalString } },
  handle: (ctx) => {
    const name = ctx.params.snapname!;
    if (name === 'current' || name === 'vzdump')
      throw die(`unable to use snapshot name '${name}' (reserved name)`);
    const guest = workerGuest(ctx);
    if ('kind' in guest) return { data: failedTask(ctx, 'vzsnapshot', guest) };
    const problem =
      guest.config.get('template') === '1'
        ? "you can't take a snapshot if it's a template"
        : (lockProblem(guest) ??
          (guest.snapshots.has(name) ? `snapshot name '${name}' already used` : undefined));
    if (problem) return { data: failedTask(ctx, 'vzsnapshot', { kind: 'error', message: problem }) };
    const { cluster } = ctx;
    // __snapshot_prepare: lock and a `prepare` section are written before the worker's real work.
    const taken = new Map(guest.config);
    taken.delete('lock');
    guest.config.set('lock', 'snapshot');
    guest.snapshots.set(name, {
      config: taken,
      snaptime: Math.floor(cluster.now() / 1000),
      description: ctx.params.description ?? '',
      snapstate: 'prepare',
    });
    const upid = cluster.startTask({
      node: guest.node,
      type: 'vzsnapshot',
      id: String(guest.vmid),
      user: taskUser(ctx),
      lines: [`  Logical volume "snap_${diskOf(guest)}_${name}" created.`],
      outcome: { kind: 'ok' },
      durationMs: cluster.taskDuration('vzsnapshot'),
      onSuccess: () => {
        const snap = guest.snapshots.get(name);
        if (snap) snap.snapstate = undefined;
        guest.config.set('parent', name);
      },
      onEnd: () => {
        guest.config.delete('lock');
        if (guest.snapshots.get(name)?.snapstate === 'prepare') guest.snapshots.delete(name);
      },
    }).upid;
    return { data: upid };
  },
};

/** DELETE …/snapshot/{snapname} — check `['perm', '/vms/{vmid}', ['VM.Snapshot']]`; worker `vzdelsnapshot`. */
const remove: SimRoute = {
  method: 'DELETE',
  path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Snapshot'] },
  params: { properties: { node: P.node, vmid: P.vmid, snapname: P.snapname, force: P.optionalBoolean } },
  handle: (ctx) => {
    const name = ctx.params.snapname!;
    const guest = workerGuest(ctx);
    if ('kind' in guest) return { data: failedTask(ctx, 'vzdelsnapshot', guest) };
    const snap = guest.snapshots.get(name);
    const problem = !snap
      ? `snapshot '${name}' does not exist`
      : ctx.params.force === '1'
        ? undefined
        : lockProblem(guest);
    if (problem || !snap)
      return { data: failedTask(ctx, 'vzdelsnapshot', { kind: 'error', message: problem ?? '' }) };
    const { cluster } = ctx;
    guest.config.set('lock', 'snapshot-delete');
    snap.snapstate = 'delete';
    const upid = cluster.startTask({
      node: guest.node,
      type: 'vzdelsnapshot',
      id: String(guest.vmid),
      user: taskUser(ctx),
      lines: [`  Logical volume "snap_${diskOf(guest)}_${name}" successfully removed.`],
      outcome: { kind: 'ok' },
      durationMs: cluster.taskDuration('vzdelsnapshot'),
      onSuccess: () => {
        const parent = snap.config.get('parent');
        guest.snapshots.delete(name);
        const relink = (config: Map<string, string>): void => {
          if (config.get('parent') !== name) return;
          if (parent === undefined) config.delete('parent');
          else config.set('parent', parent);
        };
        relink(guest.config);
        for (const other of guest.snapshots.values()) relink(other.config);
      },
      onEnd: () => {
        guest.config.delete('lock');
        const left = guest.snapshots.get(name);
        if (left) left.snapstate = undefined;
      },
    }).upid;
    return { data: upid };
  },
};

/**
 * POST …/snapshot/{snapname}/rollback — check
 * `['perm', '/vms/{vmid}', ['VM.Snapshot', 'VM.Snapshot.Rollback'], any => 1]`; worker `vzrollback`
 * (a running CT is stopped first; `start=1` starts it again afterwards).
 */
const rollback: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Snapshot', 'VM.Snapshot.Rollback'], mode: 'any' },
  params: { properties: { node: P.node, vmid: P.vmid, snapname: P.snapname, start: P.optionalBoolean } },
  handle: (ctx) => {
    const name = ctx.params.snapname!;
    const guest = workerGuest(ctx);
    if ('kind' in guest) return { data: failedTask(ctx, 'vzrollback', guest) };
    const snap = guest.snapshots.get(name);
    const problem = !snap ? `snapshot '${name}' does not exist` : lockProblem(guest);
    if (problem || !snap)
      return { data: failedTask(ctx, 'vzrollback', { kind: 'error', message: problem ?? '' }) };
    const { cluster } = ctx;
    const wasRunning = guest.status === 'running';
    const startAfter = ctx.params.start === '1';
    guest.config.set('lock', 'rollback');
    const lines = [
      ...(wasRunning ? [`stopping CT ${guest.vmid}`] : []),
      `  Logical volume "${diskOf(guest)}" successfully removed.`,
      `  Logical volume "${diskOf(guest)}" created.`,
      ...(startAfter ? [`starting CT ${guest.vmid}`] : []),
    ];
    const upid = cluster.startTask({
      node: guest.node,
      type: 'vzrollback',
      id: String(guest.vmid),
      user: taskUser(ctx),
      lines,
      outcome: { kind: 'ok' },
      durationMs: cluster.taskDuration('vzrollback'),
      onSuccess: () => {
        const restored = new Map(snap.config);
        restored.set('parent', name);
        guest.config = restored;
        if (startAfter) markRunning(cluster, guest);
        else markStopped(guest);
      },
      onEnd: () => {
        guest.config.delete('lock');
      },
    }).upid;
    if (wasRunning) markStopped(guest);
    return { data: upid };
  },
};

/** The container snapshot routes. */
export const LXC_SNAPSHOT_ROUTES: readonly SimRoute[] = [list, create, remove, rollback];
