import { typedConfig } from '../../model/config-file.js';
import { die, paramError } from '../../model/sim-error.js';
import { exitStatus } from '../../model/tasks.js';
import { P } from '../params.js';
import {
  applyVmConfigChange,
  checkChangedDrives,
  loadVmForChange,
  parseVmConfigChange,
} from '../qemu-config-update.js';
import { QEMU_OPTIONS, qemuIndexedOption, qemuKeyKind } from '../qemu-options.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { loadGuest } from '../views.js';

const CONFIG_PRIVILEGES = [
  'VM.Config.Disk',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.HWType',
  'VM.Config.Options',
  'VM.Config.Cloudinit',
];

/**
 * GET …/qemu/{vmid}/config — `VM.Audit`. The config with pending changes applied, or with
 * `current=1` as it runs; `snapshot` gives that snapshot's config; `cipassword` is masked.
 */
const getConfig: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/qemu/{vmid}/config',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      current: P.optionalBoolean,
      snapshot: { type: 'string', format: 'pve-configid', maxLength: 40, optional: true },
    },
  },
  handle: ({ cluster, params }) => {
    if (params.snapshot !== undefined && params.current === '1') {
      const both = "cannot use 'snapshot' parameter with 'current'";
      throw paramError({ snapshot: both, current: both });
    }
    const guest = loadGuest(cluster, params.node!, Number(params.vmid), 'qemu');
    let source = new Map(guest.config);
    if (params.snapshot !== undefined) {
      const snap = guest.snapshots.get(params.snapshot);
      if (!snap) throw die(`snapshot '${params.snapshot}' does not exist`);
      source = new Map(snap.config);
      if (snap.description !== '') source.set('description', snap.description);
    } else if (params.current !== '1') {
      const deletes = (guest.pending?.get('delete') ?? '').split(',');
      for (const key of deletes) source.delete(key.replace(/^!/, ''));
      for (const [key, value] of guest.pending ?? []) if (key !== 'delete') source.set(key, value);
    }
    const data: Record<string, unknown> = {
      ...typedConfig(source, qemuKeyKind),
      digest: cluster.digest(guest),
    };
    if (data.cipassword !== undefined) data.cipassword = '**********';
    return { data };
  },
};

const updateParams = (extra: SimRoute['params']['properties']): SimRoute['params'] => ({
  properties: {
    node: P.node,
    vmid: P.vmid,
    skiplock: P.optionalBoolean,
    delete: { type: 'string', format: 'pve-configid-list', optional: true },
    revert: { type: 'string', format: 'pve-configid-list', optional: true },
    force: P.optionalBoolean,
    digest: { type: 'string', maxLength: 40, optional: true },
    ...extra,
    ...QEMU_OPTIONS,
  },
  additional: qemuIndexedOption,
});

/**
 * PUT …/qemu/{vmid}/config — any of the `VM.Config.*` privileges, then per option; synchronous,
 * answers null. A running VM takes what it can hot-plug; the rest waits in `[PENDING]`.
 */
const putConfig: SimRoute = {
  method: 'PUT',
  path: '/nodes/{node}/qemu/{vmid}/config',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: CONFIG_PRIVILEGES, mode: 'any' },
  params: updateParams({}),
  handle: (ctx) => {
    const change = parseVmConfigChange(ctx);
    const guest = loadVmForChange(ctx, change);
    checkChangedDrives(ctx, guest, change);
    applyVmConfigChange(ctx, guest, change);
    return { data: null };
  },
};

/**
 * POST …/qemu/{vmid}/config — the same change in a `qmconfig` worker, answering its UPID; with
 * `background_delay` a change that finishes in that time answers null (or the 500
 * `failed to update VM N: <status>`).
 */
const postConfig: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/config',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: CONFIG_PRIVILEGES, mode: 'any' },
  params: updateParams({
    background_delay: { type: 'integer', minimum: 1, maximum: 30, optional: true },
    'import-working-storage': { type: 'string', format: 'pve-storage-id', optional: true },
  }),
  handle: (ctx) => ({ data: startConfigTask(ctx) }),
};

function startConfigTask(ctx: SimRouteContext): string | null {
  const { cluster } = ctx;
  const change = parseVmConfigChange(ctx);
  const guest = loadVmForChange(ctx, change);
  let problem: string | undefined;
  try {
    checkChangedDrives(ctx, guest, change);
  } catch (error) {
    problem = (error as Error).message;
  }
  const lines = [`update VM ${change.vmid}: ${change.logLine}`];
  const task = cluster.startTask({
    node: guest.node,
    type: 'qmconfig',
    id: String(change.vmid),
    user: taskUser(ctx),
    lines,
    outcome: problem === undefined ? { kind: 'ok' } : { kind: 'error', message: problem },
    durationMs: cluster.taskDuration('qmconfig'),
    onSuccess: () => {
      task.lines.push(...applyVmConfigChange(ctx, guest, change).map((text) => ({ at: task.endsAt, text })));
    },
  });
  const delay = ctx.params.background_delay;
  if (delay === undefined || task.endsAt - task.startedAt > Number(delay) * 1000) return task.upid;
  // pveproxy waits up to background_delay seconds for the worker, so the change is done by now
  task.endsAt = cluster.elapsed();
  cluster.tick();
  if (task.outcome.kind === 'error')
    throw die(`failed to update VM ${change.vmid}: ${exitStatus(task.outcome)}`);
  return null;
}

/** The VM config routes. */
export const QEMU_CONFIG_ROUTES: readonly SimRoute[] = [getConfig, putConfig, postConfig];
