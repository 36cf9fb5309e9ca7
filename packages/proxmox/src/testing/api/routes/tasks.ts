import type { SimulatedCluster } from '../../model/cluster.js';
import { paramError } from '../../model/sim-error.js';
import { exitStatus, type SimTask, taskEndtime, visibleLog } from '../../model/tasks.js';
import { tokenUser } from '../../model/tokens.js';
import { decodeUpid } from '../../model/upid.js';
import { P, splitList } from '../params.js';
import type { SimRoute, SimRouteContext } from '../route.js';

/**
 * Tasks (pve-manager `API2/Tasks.pm`). Visibility: a token sees its own tasks, a user its own and
 * its tokens'; anyone else needs `Sys.Audit` on `/nodes/<node>`.
 */

/** `$check_task_user`. */
function ownsTask(task: SimTask, caller: string): boolean {
  return caller === task.user || (!caller.includes('!') && tokenUser(task.user) === caller);
}

/** `$convert_token_task`: `user@realm!tok` → `user` + `tokenid`. */
function userFields(task: SimTask): { user: string; tokenid?: string } {
  const bang = task.user.indexOf('!');
  return bang === -1
    ? { user: task.user }
    : { user: task.user.slice(0, bang), tokenid: task.user.slice(bang + 1) };
}

/** The task named by the path, or the 400s the host answers (unparseable, or no log file yet). */
function findTask(cluster: SimulatedCluster, node: string, upid: string): SimTask {
  if (decodeUpid(upid) === undefined) {
    throw paramError({ upid: 'unable to parse worker upid' });
  }
  const task = cluster.task(upid);
  const hidden = task !== undefined && cluster.elapsed() < task.startedAt + cluster.taskVisibilityDelayMs;
  if (!task || task.node !== node || hidden) throw paramError({ upid: 'no such task' });
  return task;
}

function checkTaskAccess(ctx: SimRouteContext, task: SimTask, node: string): void {
  if (!ownsTask(task, ctx.actor.tokenId)) ctx.check(`/nodes/${node}`, ['Sys.Audit']);
}

/** GET /nodes/{node}/tasks/{upid}/status — owner, else `Sys.Audit` on `/nodes/{node}`. */
const status: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/tasks/{upid}/status',
  proxyto: true,
  params: { properties: { node: P.node, upid: { type: 'string' } } },
  handle: (ctx) => {
    const node = ctx.params.node!;
    const task = findTask(ctx.cluster, node, ctx.params.upid!);
    checkTaskAccess(ctx, task, node);
    return {
      data: {
        upid: task.upid,
        node: task.node,
        pid: task.pid,
        pstart: task.pstart,
        starttime: task.starttime,
        type: task.type,
        id: task.id,
        ...userFields(task),
        status: task.finished ? 'stopped' : 'running',
        ...(task.finished ? { exitstatus: exitStatus(task.outcome) } : {}),
      },
    };
  },
};

/**
 * GET /nodes/{node}/tasks/{upid}/log — owner, else `Sys.Audit`. `start` is a 0-based line offset,
 * `limit` defaults to 50 (0 = to the end), `n` is 1-based, the envelope carries `total`; an empty
 * log reads `[{n:1,t:'no content'}]` with total 1 (`dump_logfile`).
 */
const log: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/tasks/{upid}/log',
  proxyto: true,
  params: {
    properties: {
      node: P.node,
      upid: { type: 'string' },
      start: P.paging,
      limit: P.paging,
      download: P.optionalBoolean,
    },
  },
  handle: (ctx) => {
    const { params } = ctx;
    const node = params.node!;
    const task = findTask(ctx.cluster, node, params.upid!);
    checkTaskAccess(ctx, task, node);
    if (params.download === '1' && (params.start !== undefined || params.limit !== undefined)) {
      throw paramError({ download: "'download' cannot be used together with 'start' or 'limit' parameters" });
    }
    const lines = visibleLog(task, ctx.cluster.elapsed());
    if (lines.length === 0) return { data: [{ n: 1, t: 'no content' }], total: 1 };
    const start = Number(params.start ?? '0');
    const limit = Number(params.limit ?? '50');
    const page = lines.slice(start, limit === 0 ? undefined : start + limit);
    return { data: page.map((t, i) => ({ n: start + i + 1, t })), total: lines.length };
  },
};

const STATUS_TYPES = { ok: 'ok', warning: 'warning', error: 'error', unknown: 'unknown' } as const;

function statusType(task: SimTask): keyof typeof STATUS_TYPES {
  const exit = exitStatus(task.outcome);
  if (exit === 'OK') return 'ok';
  if (/^WARNINGS: \d+$/.test(exit)) return 'warning';
  return 'error';
}

/**
 * GET /nodes/{node}/tasks — `user => 'all'`: own tasks, all with `Sys.Audit` on `/nodes/<node>`.
 * `source` archive (finished, the default) | active | all; newest first; `total` in the envelope.
 */
const index: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/tasks',
  proxyto: true,
  params: {
    properties: {
      node: P.node,
      start: P.paging,
      limit: P.paging,
      userfilter: P.optionalString,
      typefilter: P.optionalString,
      vmid: P.optionalVmid,
      errors: P.optionalBoolean,
      source: { type: 'string', optional: true, enum: ['archive', 'active', 'all'] },
      since: P.optionalInteger,
      until: P.optionalInteger,
      statusfilter: { type: 'string', format: 'pve-task-status-type-list', optional: true },
    },
  },
  handle: (ctx) => {
    const { cluster, params } = ctx;
    const node = params.node!;
    const audit = ctx.can(`/nodes/${node}`, ['Sys.Audit']);
    const source = params.source ?? 'archive';
    const wantedStatus = params.statusfilter === undefined ? undefined : splitList(params.statusfilter);
    const matches = cluster.tasks
      .filter((t) => t.node === node)
      .filter((t) => (source === 'all' ? true : source === 'active' ? !t.finished : t.finished))
      .filter((t) => audit || ownsTask(t, ctx.actor.tokenId))
      .filter(
        (t) =>
          params.userfilter === undefined || t.user.toLowerCase().includes(params.userfilter.toLowerCase()),
      )
      .filter((t) => params.typefilter === undefined || t.type === params.typefilter)
      .filter((t) => params.vmid === undefined || t.id === params.vmid)
      .filter((t) => params.since === undefined || t.starttime >= Number(params.since))
      .filter((t) => params.until === undefined || t.starttime <= Number(params.until))
      .filter((t) => params.errors !== '1' || (t.finished && statusType(t) === 'error'))
      .filter((t) => wantedStatus === undefined || (t.finished && wantedStatus.includes(statusType(t))))
      .sort((a, b) => b.starttime - a.starttime || b.pid - a.pid);
    const start = Number(params.start ?? '0');
    const limit = Number(params.limit ?? '50');
    const page = matches.slice(start, limit === 0 ? undefined : start + limit);
    return {
      data: page.map((t) => ({
        upid: t.upid,
        node: t.node,
        pid: t.pid,
        pstart: t.pstart,
        starttime: t.starttime,
        type: t.type,
        id: t.id,
        ...userFields(t),
        ...(t.finished ? { endtime: taskEndtime(t), status: exitStatus(t.outcome) } : { status: 'RUNNING' }),
      })),
      total: matches.length,
    };
  },
};

/** DELETE /nodes/{node}/tasks/{upid} — stops a task: owner, else `Sys.Modify` on `/nodes/{node}`. */
const stopTask: SimRoute = {
  method: 'DELETE',
  path: '/nodes/{node}/tasks/{upid}',
  proxyto: true,
  params: { properties: { node: P.node, upid: { type: 'string' } } },
  handle: (ctx) => {
    const node = ctx.params.node!;
    const task = findTask(ctx.cluster, node, ctx.params.upid!);
    if (!ownsTask(task, ctx.actor.tokenId)) ctx.check(`/nodes/${node}`, ['Sys.Modify']);
    if (!task.finished) {
      task.outcome = { kind: 'error', message: 'received interrupt' };
      task.endsAt = ctx.cluster.elapsed();
      ctx.cluster.tick();
    }
    return { data: null };
  },
};

/** The task routes. */
export const TASK_ROUTES: readonly SimRoute[] = [index, status, log, stopTask];
