import { lockProblem, markRunning, markStopped } from '../../model/guest-state.js';
import type { SimGuest } from '../../model/inventory.js';
import { die } from '../../model/sim-error.js';
import type { SimTaskOutcome } from '../../model/tasks.js';
import { P } from '../params.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { guestStatusView, loadGuest } from '../views.js';

/** GET /nodes/{node}/lxc — `user => 'all'`; only CTs with `VM.Audit` on `/vms/<vmid>` are listed. */
const list: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/lxc',
  proxyto: true,
  params: { properties: { node: P.node } },
  handle: ({ cluster, params, can }) => ({
    data: [...cluster.guests.values()]
      .filter((g) => g.type === 'lxc' && g.node === params.node && can(`/vms/${g.vmid}`, ['VM.Audit']))
      .sort((a, b) => a.vmid - b.vmid)
      .map((g) => guestStatusView(cluster, g, false)),
  }),
};

/** GET …/status/current — check `['perm', '/vms/{vmid}', ['VM.Audit']]`. */
const current: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/lxc/{vmid}/status/current',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: { properties: { node: P.node, vmid: P.vmid } },
  handle: ({ cluster, params }) => ({
    data: guestStatusView(cluster, loadGuest(cluster, params.node!, Number(params.vmid)), true),
  }),
};

/** What the worker finds when it runs: a template or a lock makes it fail. */
function workerCheck(guest: SimGuest, action: string): SimTaskOutcome {
  if (action === 'start' && guest.config.get('template') === '1') {
    return { kind: 'error', message: "you can't start a CT if it's a template" };
  }
  const locked = lockProblem(guest);
  return locked ? { kind: 'error', message: locked } : { kind: 'ok' };
}

function powerRoute(
  action: 'start' | 'stop' | 'shutdown',
  extra: SimRoute['params']['properties'],
  run: (ctx: SimRouteContext, guest: SimGuest) => string,
): SimRoute {
  return {
    method: 'POST',
    path: `/nodes/{node}/lxc/{vmid}/status/${action}`,
    proxyto: true,
    permission: { path: '/vms/{vmid}', privileges: ['VM.PowerMgmt'] },
    params: { properties: { node: P.node, vmid: P.vmid, ...extra } },
    handle: (ctx) => ({ data: run(ctx, loadGuest(ctx.cluster, ctx.params.node!, Number(ctx.params.vmid))) }),
  };
}

/** POST …/status/start — `VM.PowerMgmt`; sync `CT N already running`; worker `vzstart`. */
const start = powerRoute('start', { skiplock: P.optionalBoolean, debug: P.optionalBoolean }, (ctx, guest) => {
  if (guest.status === 'running') throw die(`CT ${guest.vmid} already running`);
  const outcome = ctx.params.skiplock === '1' ? { kind: 'ok' as const } : workerCheck(guest, 'start');
  return ctx.cluster.startTask({
    node: guest.node,
    type: 'vzstart',
    id: String(guest.vmid),
    user: taskUser(ctx),
    lines: [],
    outcome,
    durationMs: ctx.cluster.taskDuration('vzstart'),
    onSuccess: () => markRunning(ctx.cluster, guest),
  }).upid;
});

function stopping(type: 'vzstop' | 'vzshutdown') {
  return (ctx: SimRouteContext, guest: SimGuest): string => {
    if (guest.status !== 'running') throw die(`CT ${guest.vmid} not running`);
    const outcome = ctx.params.skiplock === '1' ? { kind: 'ok' as const } : workerCheck(guest, 'stop');
    return ctx.cluster.startTask({
      node: guest.node,
      type,
      id: String(guest.vmid),
      user: taskUser(ctx),
      lines: [],
      outcome,
      durationMs: ctx.cluster.taskDuration(type),
      onSuccess: () => markStopped(guest),
    }).upid;
  };
}

/** POST …/status/stop — `VM.PowerMgmt`; sync `CT N not running`; worker `vzstop`. */
const stop = powerRoute(
  'stop',
  { skiplock: P.optionalBoolean, 'overrule-shutdown': P.optionalBoolean },
  stopping('vzstop'),
);

/** POST …/status/shutdown — `VM.PowerMgmt`; sync `CT N not running`; worker `vzshutdown`. */
const shutdown = powerRoute(
  'shutdown',
  { timeout: { type: 'integer', minimum: 0, optional: true }, forceStop: P.optionalBoolean },
  stopping('vzshutdown'),
);

/**
 * POST …/status/reboot — `VM.PowerMgmt`; a CT that is not running (or does not exist) fails the
 * call with `VM N not running` (sic: pve-container says VM); worker `vzreboot` shuts the CT down
 * and starts it again, without a lock check (`PVE::LXC::vm_reboot`).
 */
const reboot: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/lxc/{vmid}/status/reboot',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.PowerMgmt'] },
  params: {
    properties: { node: P.node, vmid: P.vmid, timeout: { type: 'integer', minimum: 0, optional: true } },
  },
  handle: (ctx) => {
    const vmid = Number(ctx.params.vmid);
    const guest = ctx.cluster.guest(vmid);
    if (guest?.type !== 'lxc' || guest.node !== ctx.params.node || guest.status !== 'running') {
      throw die(`VM ${vmid} not running`);
    }
    const task = ctx.cluster.startTask({
      node: guest.node,
      type: 'vzreboot',
      id: String(vmid),
      user: taskUser(ctx),
      lines: [],
      outcome: { kind: 'ok' },
      durationMs: ctx.cluster.taskDuration('vzreboot'),
      onSuccess: () => markRunning(ctx.cluster, guest),
    });
    return { data: task.upid };
  },
};

/** The container list, status and power routes. */
export const LXC_STATUS_ROUTES: readonly SimRoute[] = [list, current, start, stop, shutdown, reboot];
