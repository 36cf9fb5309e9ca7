import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { powerMgmt } from './vm-audit.js';

/** `POST /nodes/{node}/lxc/{vmid}/status/stop`. */
export const stopOperation = {
  /**
   * Stops a container hard (`POST …/status/stop`); needs `VM.PowerMgmt`. For an HA-managed
   * container the UPID's `type` is `hastop` (queued with the HA manager, see {@link start}).
   */
  stop: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/status/stop',
    privileges: { access: 'all-of', checks: [powerMgmt], rootOnly: ['skiplock'] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: upidAnswer,
  }),
};
