import { containerInterfacesSchema } from '../../schemas/container-interfaces.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';
import { vmAudit } from './vm-audit.js';

/** `GET /nodes/{node}/lxc/{vmid}/interfaces`. */
export const interfacesOperation = {
  /**
   * The network interfaces inside a running container, with their MAC and IP addresses
   * (`GET …/lxc/{vmid}/interfaces`, PVE 8.0+; older hosts answer 501). Resolves to `null` when
   * the container is not running. Needs `VM.Audit` on `/vms/{vmid}`.
   */
  interfaces: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/lxc/{vmid}/interfaces',
    privileges: { access: 'all-of', checks: [vmAudit], rootOnly: [] },
    request: (node: string, vmid: number, options?: CallOptions) => ({
      path: guestPathValues(node, vmid),
      call: options,
    }),
    answer: schemaAnswer(containerInterfacesSchema),
  }),
};
