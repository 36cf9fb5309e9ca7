import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { powerMgmt } from './vm-audit.js';

/** `POST /nodes/{node}/lxc/{vmid}/status/start`. */
export const startOperation = {
  /**
   * Starts a container (`POST …/status/start`); needs `VM.PowerMgmt` on `/vms/{vmid}`. For an
   * HA-managed container the UPID's `type` is `hastart`: that task only queues the request with
   * the HA manager, so its success does not mean the container runs yet (poll `guestStatus`).
   */
  start: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/status/start',
    privileges: { access: 'all-of', checks: [powerMgmt], rootOnly: ['skiplock'] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: upidAnswer,
  }),
};
