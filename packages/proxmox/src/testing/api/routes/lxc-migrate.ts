import { lockProblem, markRunning, markStopped } from '../../model/guest-state.js';
import { die, paramError } from '../../model/sim-error.js';
import { hms, logStamp } from '../../model/time-format.js';
import { migrationSteps } from '../lxc-migration-steps.js';
import { P } from '../params.js';
import type { SimRoute } from '../route.js';
import { taskUser } from '../task-user.js';
import { loadGuest } from '../views.js';

/**
 * POST …/lxc/{vmid}/migrate — `VM.Migrate` (pve-container `API2/LXC.pm` `migrate_vm`). Before
 * forking: the target is another cluster node, the CT exists, a running CT needs `restart` (or
 * `online`). Worker `vzmigrate` (`PVE::LXC::Migrate`, pve-guest-common `AbstractMigrate`): the
 * lock, live migration (not implemented for containers), the target's reachability, local
 * volumes (snapshots on LVM-thin cannot move); a running CT is shut down first and started on
 * the target, and the CT belongs to the target node when the task ends.
 */
const migrate: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/lxc/{vmid}/migrate',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Migrate'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      target: P.node,
      'target-storage': P.optionalString,
      online: P.optionalBoolean,
      restart: P.optionalBoolean,
      timeout: P.optionalInteger,
      bwlimit: { type: 'number', minimum: 0, optional: true },
    },
  },
  handle: (ctx) => {
    const { cluster, params } = ctx;
    const node = params.node!;
    const target = params.target!;
    if (target === node) throw paramError({ target: 'target is local node.' });
    const targetNode = cluster.nodes.get(target);
    if (!targetNode) throw die(`no such cluster node '${target}'`);
    const guest = loadGuest(cluster, node, Number(params.vmid));
    const running = guest.status === 'running';
    if (running && params.online !== '1' && params.restart !== '1') {
      throw die("can't migrate running container without --online or --restart");
    }
    const mapping = params['target-storage'];
    if (mapping !== undefined && mapping !== '1') {
      ctx.check(`/vms/${guest.vmid}`, ['VM.Config.Disk']);
      for (const pair of mapping.split(','))
        ctx.check(`/storage/${pair.split(':').pop()}`, ['Datastore.AllocateSpace']);
    }
    const startMs = cluster.now();
    const stamp = (seconds: number, text: string, error = false): string =>
      `${logStamp(startMs + seconds * 1000)}${error ? ' ERROR:' : ''} ${text}`;
    const aborted = (why: string, seconds = 0): { kind: 'error'; message: string } & { line: string } => ({
      kind: 'error',
      message: 'migration aborted',
      line: stamp(seconds, `migration aborted (duration ${hms(seconds)}): ${why}`, true),
    });
    const lock = lockProblem(guest);
    const prepareProblem =
      lock ??
      (running && params.online === '1' && params.restart !== '1'
        ? 'lxc live migration is currently not implemented'
        : targetNode.online
          ? undefined
          : "Can't connect to destination address using public key");
    const restart = running && params.restart === '1';
    const steps =
      prepareProblem === undefined ? migrationSteps(cluster, guest, targetNode, restart, stamp) : undefined;
    const failure = prepareProblem !== undefined ? aborted(prepareProblem) : steps?.problem;
    const lines = failure === undefined ? steps!.lines : [...(steps?.lines ?? []), failure.line];
    if (failure === undefined) lines.push(stamp(5, `migration finished successfully (duration ${hms(5)})`));
    if (prepareProblem === undefined) {
      if (restart) markStopped(guest);
      guest.config.set('lock', 'migrate');
    }
    return {
      data: cluster.startTask({
        node,
        type: 'vzmigrate',
        id: String(guest.vmid),
        user: taskUser(ctx),
        lines,
        outcome: failure === undefined ? { kind: 'ok' } : { kind: 'error', message: failure.message },
        durationMs: cluster.taskDuration('vzmigrate'),
        onSuccess: () => {
          steps?.moveVolumes();
          guest.node = target;
          if (restart) markRunning(cluster, guest);
        },
        onEnd: () => {
          if (prepareProblem !== undefined) return;
          guest.config.delete('lock');
          // in restart mode a failed migration starts the CT again on the source
          if (failure !== undefined && restart) markRunning(cluster, guest);
        },
      }).upid,
    };
  },
};

/** The container migration route. */
export const LXC_MIGRATE_ROUTES: readonly SimRoute[] = [migrate];
