import { parsePropertyString } from '../../model/config-file.js';
import { destroyVolume, lockProblem, markRunning, markStopped } from '../../model/guest-state.js';
import type { SimGuest } from '../../model/inventory.js';
import { die, paramError } from '../../model/sim-error.js';
import { P, type SimParamSpec } from '../params.js';
import { vmForWorker, vmTask } from '../qemu-tasks.js';
import { vmStatusView } from '../qemu-views.js';
import type { SimRoute, SimRouteContext, SimRouteResult } from '../route.js';
import { loadGuest } from '../views.js';

/**
 * VM list, status and power (qemu-server `API2/Qemu.pm`). Unlike containers, the power calls
 * check almost nothing before forking: the `qmstart`/`qmstop`/`qmshutdown` worker finds a
 * running VM, a lock or a missing config, and stopping a stopped VM simply succeeds.
 */

/** GET /nodes/{node}/qemu — `user => 'all'`; only VMs with `VM.Audit` on `/vms/<vmid>` are listed. */
const list: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/qemu',
  proxyto: true,
  params: { properties: { node: P.node, full: P.optionalBoolean } },
  handle: ({ cluster, params, can }) => ({
    data: [...cluster.guests.values()]
      .filter((g) => g.type === 'qemu' && g.node === params.node && can(`/vms/${g.vmid}`, ['VM.Audit']))
      .sort((a, b) => a.vmid - b.vmid)
      .map((g) => vmStatusView(cluster, g, params.full === '1')),
  }),
};

/** GET …/qemu/{vmid}/status/current — `VM.Audit`; the full status plus `ha` and `agent`. */
const current: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/qemu/{vmid}/status/current',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: { properties: { node: P.node, vmid: P.vmid } },
  handle: ({ cluster, params }) => {
    const guest = loadGuest(cluster, params.node!, Number(params.vmid), 'qemu');
    const data = vmStatusView(cluster, guest, true);
    data.ha = { managed: 0 };
    const agent = parsePropertyString(guest.config.get('agent') ?? '0', 'enabled').get('enabled');
    if (agent === '1') data.agent = 1;
    return { data };
  },
};

/** Parameters only root@pam itself may set (`Only root may use this option.`); no token is. */
function refuseRootOnly(ctx: SimRouteContext, names: readonly string[]): void {
  for (const name of names) {
    const value = ctx.params[name];
    if (value !== undefined && value !== '0' && value !== '') {
      throw paramError({ [name]: 'Only root may use this option.' });
    }
  }
}

const opt = (spec: Omit<SimParamSpec, 'optional'>): SimParamSpec => ({ ...spec, optional: true });
const rootOnlyStart = [
  'stateuri',
  'skiplock',
  'migratedfrom',
  'migration_type',
  'migration_network',
  'targetstorage',
  'force-cpu',
  'with-conntrack-state',
  'nets-host-mtu',
];

/** POST …/status/start — `VM.PowerMgmt`; worker `qmstart` (`vm_start`). */
const start: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/status/start',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.PowerMgmt'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      skiplock: P.optionalBoolean,
      stateuri: opt({ type: 'string', maxLength: 128 }),
      migratedfrom: { ...P.node, optional: true },
      migration_type: opt({ type: 'string', enum: ['secure', 'insecure'] }),
      migration_network: P.optionalString,
      machine: P.optionalString,
      'force-cpu': P.optionalString,
      targetstorage: P.optionalString,
      timeout: opt({ type: 'integer', minimum: 0 }),
      'with-conntrack-state': P.optionalBoolean,
      'nets-host-mtu': opt({ type: 'string', pattern: /net\d+=\d+(,net\d+=\d+)*/ }),
    },
  },
  handle: (ctx) => {
    refuseRootOnly(ctx, rootOnlyStart);
    const guest = vmForWorker(ctx);
    if (typeof guest === 'string') return vmTask(ctx, 'qmstart', { kind: 'error', message: guest });
    const running = guest.status === 'running';
    const lock = guest.config.get('lock');
    // a running VM locked for backup was paused by vzdump: start resumes it
    if (lock === 'backup' && running) return vmTask(ctx, 'qmstart', { kind: 'ok' });
    const problem =
      guest.config.get('template') === '1'
        ? "you can't start a vm if it's a template"
        : lock === 'suspended'
          ? undefined
          : (lockProblem(guest) ?? (running ? `VM ${guest.vmid} already running` : undefined));
    if (problem) return vmTask(ctx, 'qmstart', { kind: 'error', message: problem });
    if (lock === 'suspended') return resumeTask(ctx, guest);
    return vmTask(ctx, 'qmstart', { kind: 'ok' }, { onSuccess: () => markRunning(ctx.cluster, guest) });
  },
};

/**
 * `vm_start` of a VM suspended to disk (lock `suspended`): QEMU starts from the saved state with
 * the machine and CPU it ran with, then the lock, the state volume and the `running*` keys go.
 */
function resumeTask(ctx: SimRouteContext, guest: SimGuest): SimRouteResult {
  const { cluster } = ctx;
  return vmTask(
    ctx,
    'qmstart',
    { kind: 'ok' },
    {
      lines: ['Resuming suspended VM', 'Resumed VM, removing state'],
      onSuccess: () => {
        const state = guest.config.get('vmstate');
        for (const key of ['lock', 'vmstate', 'runningmachine', 'runningcpu']) guest.config.delete(key);
        if (state !== undefined) destroyVolume(cluster, state);
        markRunning(cluster, guest);
      },
    },
  );
}

/** `_do_vm_stop` as the worker runs it: nothing to do for a stopped VM, else the lock check. */
function stopWorker(ctx: SimRouteContext, type: 'qmstop' | 'qmshutdown'): SimRouteResult {
  const guest = vmForWorker(ctx);
  if (typeof guest === 'string') {
    const message = `unable to find configuration file for VM ${ctx.params.vmid} on node '${ctx.params.node}'`;
    return vmTask(ctx, type, { kind: 'error', message });
  }
  if (guest.status !== 'running') return vmTask(ctx, type, { kind: 'ok' });
  const locked = lockProblem(guest);
  if (locked) return vmTask(ctx, type, { kind: 'error', message: locked });
  return vmTask(ctx, type, { kind: 'ok' }, { onSuccess: () => markStopped(guest) });
}

/** POST …/status/stop — `VM.PowerMgmt`; worker `qmstop`. */
const stop: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/status/stop',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.PowerMgmt'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      skiplock: P.optionalBoolean,
      migratedfrom: { ...P.node, optional: true },
      timeout: opt({ type: 'integer', minimum: 0 }),
      keepActive: P.optionalBoolean,
      'overrule-shutdown': P.optionalBoolean,
    },
  },
  handle: (ctx) => {
    refuseRootOnly(ctx, ['skiplock', 'keepActive', 'migratedfrom']);
    return stopWorker(ctx, 'qmstop');
  },
};

/** POST …/status/shutdown — `VM.PowerMgmt`; worker `qmshutdown` (ACPI, or the agent's shutdown). */
const shutdown: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/status/shutdown',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.PowerMgmt'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      skiplock: P.optionalBoolean,
      timeout: opt({ type: 'integer', minimum: 0 }),
      forceStop: P.optionalBoolean,
      keepActive: P.optionalBoolean,
    },
  },
  handle: (ctx) => {
    refuseRootOnly(ctx, ['skiplock', 'keepActive']);
    return stopWorker(ctx, 'qmshutdown');
  },
};

/**
 * POST …/status/reboot — `VM.PowerMgmt`; a VM that is not running fails the call
 * (`VM N not running`); worker `qmreboot` shuts it down (lock checked) and qmeventd starts it
 * again, applying pending changes.
 */
const reboot: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/status/reboot',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.PowerMgmt'] },
  params: { properties: { node: P.node, vmid: P.vmid, timeout: opt({ type: 'integer', minimum: 0 }) } },
  handle: (ctx) => {
    const guest = vmForWorker(ctx);
    if (typeof guest === 'string') {
      throw die(`unable to find configuration file for VM ${ctx.params.vmid} on node '${ctx.params.node}'`);
    }
    if (guest.status !== 'running') throw die(`VM ${guest.vmid} not running`);
    const locked = lockProblem(guest);
    if (locked) return vmTask(ctx, 'qmreboot', { kind: 'error', message: locked });
    return vmTask(ctx, 'qmreboot', { kind: 'ok' }, { onSuccess: () => markRunning(ctx.cluster, guest) });
  },
};

/** The VM list, status and power routes. */
export const QEMU_STATUS_ROUTES: readonly SimRoute[] = [list, current, start, stop, shutdown, reboot];
