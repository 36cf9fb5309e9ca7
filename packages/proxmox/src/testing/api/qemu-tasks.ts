import { configPath } from '../model/guest-state.js';
import type { SimGuest } from '../model/inventory.js';
import type { SimTaskOutcome } from '../model/tasks.js';
import type { SimRouteContext, SimRouteResult } from './route.js';
import { taskUser } from './task-user.js';

/**
 * Starting the worker of a VM call (`fork_worker(type, vmid, …)`) for the node and vmid of the
 * path, and what such a worker finds when it loads the config.
 */

/** What the worker does besides ending: its log, and the effects of its end. */
export interface SimVmTaskSteps {
  readonly lines?: readonly string[];
  readonly onSuccess?: () => void;
  readonly onEnd?: () => void;
}

/** Starts the worker and answers its UPID. */
export function vmTask(
  ctx: SimRouteContext,
  type: string,
  outcome: SimTaskOutcome,
  steps: SimVmTaskSteps = {},
): SimRouteResult {
  const task = ctx.cluster.startTask({
    node: ctx.params.node!,
    type,
    id: ctx.params.vmid!,
    user: taskUser(ctx),
    outcome,
    durationMs: ctx.cluster.taskDuration(type),
    ...steps,
    lines: steps.lines ?? [],
  });
  return { data: task.upid };
}

/** A failed worker's outcome. */
export const failure = (message: string): SimTaskOutcome => ({ kind: 'error', message });

/** The VM as the worker finds it, or the text `load_config` dies with. */
export function vmForWorker(ctx: SimRouteContext): SimGuest | string {
  const vmid = Number(ctx.params.vmid);
  const guest = ctx.cluster.guest(vmid);
  if (guest?.type === 'qemu' && guest.node === ctx.params.node) return guest;
  return `Configuration file '${configPath('qemu', ctx.params.node!, vmid)}' does not exist`;
}
