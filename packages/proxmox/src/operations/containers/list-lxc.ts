import { filterCheck } from '../../privileges/check-builders.js';
import { lxcListSchema } from '../../schemas/guest.js';
import { fastGuestList } from '../../schemas/guest-list-fast.js';
import { parseResponse } from '../../schemas/parse.js';
import { assertNodeName } from '../../validation/validators.js';
import { customAnswer } from '../answers.js';
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
    // Same result as the schema for every body it accepts; the schema reports any problem.
    answer: customAnswer(
      (data, endpoint) => fastGuestList(data) ?? parseResponse(lxcListSchema, data, endpoint),
      { upid: false },
    ),
  }),
};
