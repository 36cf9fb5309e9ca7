import { exitStatus, taskEndtime } from '../../model/tasks.js';
import type { SimRoute } from '../route.js';

/**
 * GET /cluster/tasks — pve-manager `API2/Cluster.pm` `tasks`: the cluster-wide list of recent
 * tasks, `user => 'all'`. With `Sys.Audit` on `/` every task is listed; otherwise only tasks
 * whose user equals the caller. The comparison is made after a token task's user is split into
 * `user` and `tokenid`, so an API token (caller `user@realm!name`) without `Sys.Audit` on `/`
 * sees none, not even its own (docs/pve-behaviour.md, "The cluster task list").
 */
const clusterTasks: SimRoute = {
  method: 'GET',
  path: '/cluster/tasks',
  proxyto: false,
  params: { properties: {} },
  handle: ({ cluster, actor, can }) => {
    const all = can('/', ['Sys.Audit']);
    const data = [...cluster.tasks]
      .sort((a, b) => b.starttime - a.starttime || b.pid - a.pid)
      .map((task) => {
        const bang = task.user.indexOf('!');
        const user = bang === -1 ? task.user : task.user.slice(0, bang);
        return {
          upid: task.upid,
          node: task.node,
          pid: task.pid,
          pstart: task.pstart,
          starttime: task.starttime,
          type: task.type,
          id: task.id,
          user,
          ...(bang === -1 ? {} : { tokenid: task.user.slice(bang + 1) }),
          ...(task.finished ? { endtime: taskEndtime(task), status: exitStatus(task.outcome) } : {}),
        };
      })
      .filter((task) => all || task.user === actor.tokenId);
    return { data };
  },
};

/** The cluster-wide task list. */
export const CLUSTER_TASK_ROUTES: readonly SimRoute[] = [clusterTasks];
