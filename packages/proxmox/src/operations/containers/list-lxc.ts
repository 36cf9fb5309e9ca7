import { filterCheck } from '../../privileges/check-builders.js';
import { lxcListSchema } from '../../schemas/guest.js';
import { assertNodeName } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /nodes/{node}/lxc`. */
export const listLXCOperation = {
  /**
   * The containers on a node (`GET /nodes/{node}/lxc`). Never a 403: containers without
   * `VM.Audit` on `/vms/{vmid}` are silently left out.
   */
  listLXC: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/lxc',
    privileges: {
      access: 'filtered',
      checks: [filterCheck('/vms/{vmid}', ['VM.Audit'], false, 'containers without VM.Audit are left out')],
      rootOnly: [],
    },
    request: (node: string, options?: CallOptions) => ({
      path: { node: assertNodeName(node) },
      call: options,
    }),
    answer: schemaAnswer(lxcListSchema),
  }),
};
