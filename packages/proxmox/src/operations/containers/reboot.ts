import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalInteger } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { powerMgmt } from './vm-audit.js';

/**
 * Options of `reboot(node, vmid, options)`. `timeout` here is the host's shutdown timeout (in
 * seconds, as PVE takes it), not the HTTP timeout: the call itself returns at once with a UPID.
 */
export interface RebootOptions extends Omit<CallOptions, 'timeout'> {
  /**
   * Seconds the guest gets to shut down cleanly before the reboot task gives up.
   * @default 60 (PVE's default)
   */
  readonly timeout?: number;
  /**
   * The HTTP per-attempt timeout in ms for this call.
   * @default the client's `timeout`
   */
  readonly requestTimeout?: number;
}

/** The host's `timeout` (seconds) and the HTTP call options of a reboot or shutdown. */
export function rebootParameters(options: RebootOptions | undefined): {
  readonly timeout: number | undefined;
  readonly call: CallOptions;
} {
  return {
    timeout: optionalInteger('options.timeout', options?.timeout, 0, 86_400),
    call: {
      ...(options?.signal !== undefined && { signal: options.signal }),
      ...(options?.requestTimeout !== undefined && { timeout: options.requestTimeout }),
    },
  };
}

/** `POST /nodes/{node}/lxc/{vmid}/status/reboot`. */
export const rebootOperation = {
  /**
   * Reboots a running container (`POST …/lxc/{vmid}/status/reboot`): a clean shutdown, then a
   * start, in one `vzreboot` task. A container that is not running fails the call (`APIError`,
   * `VM 100 not running`). Needs `VM.PowerMgmt` on `/vms/{vmid}`. Here `timeout` is the host's
   * shutdown timeout in seconds (`requestTimeout` is the HTTP one).
   */
  reboot: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/status/reboot',
    privileges: { access: 'all-of', checks: [powerMgmt], rootOnly: [] },
    request: (node: string, vmid: number, options?: RebootOptions) => {
      const { timeout, call } = rebootParameters(options);
      return {
        path: guestPathValues(node, vmid),
        parameters: timeout === undefined ? undefined : { timeout },
        call,
      };
    },
    answer: upidAnswer,
  }),
};
