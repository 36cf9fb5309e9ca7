import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalInteger } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { powerMgmt } from './vm-audit.js';

/**
 * Options of `shutdown(node, vmid, options)`. `timeout` here is the host's shutdown timeout (in
 * seconds, as PVE takes it), not the HTTP timeout: the call itself returns at once with a UPID.
 */
export interface ShutdownOptions extends Omit<CallOptions, 'timeout'> {
  /**
   * Seconds the container gets to shut down cleanly before the task gives up (or, with
   * `forceStop`, stops it hard).
   * @default 60 (PVE's default)
   */
  readonly timeout?: number;
  /**
   * Stop the container hard when `timeout` passes.
   * @default false
   */
  readonly forceStop?: boolean;
  /**
   * The HTTP per-attempt timeout in ms for this call.
   * @default the client's `timeout`
   */
  readonly requestTimeout?: number;
}

/** `POST /nodes/{node}/lxc/{vmid}/status/shutdown`. */
export const shutdownOperation = {
  /**
   * Shuts a container down cleanly (`POST …/status/shutdown`); needs `VM.PowerMgmt`. Here
   * `timeout` is the host's shutdown timeout in seconds (`requestTimeout` is the HTTP one).
   * HA-managed: a `hastop` UPID, as for {@link stop}.
   */
  shutdown: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/status/shutdown',
    privileges: { access: 'all-of', checks: [powerMgmt], rootOnly: [] },
    request: (node: string, vmid: number, options?: ShutdownOptions) => {
      // The options are checked before the path, as they always were: every bad input fails
      // before anything is sent.
      const timeout = optionalInteger('options.timeout', options?.timeout, 0, 86_400);
      const forceStop = optionalBoolean('options.forceStop', options?.forceStop);
      const call: CallOptions = {
        ...(options?.signal !== undefined && { signal: options.signal }),
        ...(options?.requestTimeout !== undefined && { timeout: options.requestTimeout }),
      };
      return {
        path: guestPathValues(node, vmid),
        parameters: timeout === undefined && forceStop === undefined ? undefined : { timeout, forceStop },
        call,
      };
    },
    answer: upidAnswer,
  }),
};
