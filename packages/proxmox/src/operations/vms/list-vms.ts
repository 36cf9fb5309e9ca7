import { filterCheck } from '../../privileges/check-builders.js';
import { vmListSchema } from '../../schemas/vm.js';
import { assertNodeName } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /nodes/{node}/qemu`. */
export const listVMsOperation = {
  /**
   * The virtual machines on a node (`GET /nodes/{node}/qemu`). Never a 403: VMs without
   * `VM.Audit` on `/vms/{vmid}` are silently left out.
   */
  listVMs: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/qemu',
    privileges: {
      access: 'filtered',
      checks: [filterCheck('/vms/{vmid}', ['VM.Audit'], false, 'VMs without VM.Audit are left out')],
      rootOnly: [],
    },
    request: (node: string, options?: CallOptions) => ({
      path: { node: assertNodeName(node) },
      call: options,
    }),
    answer: schemaAnswer(vmListSchema),
  }),
};
