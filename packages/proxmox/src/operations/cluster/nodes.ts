import { filterCheck } from '../../privileges/check-builders.js';
import { nodesSchema } from '../../schemas/nodes.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /nodes`. */
export const nodesOperation = {
  /**
   * The cluster's nodes (`GET /nodes`). Never a 403: without `Sys.Audit` on `/nodes/<node>` a
   * node's usage figures are left out. See `requiredPrivileges.nodes`.
   */
  nodes: defineOperation({
    method: 'GET',
    path: '/nodes',
    privileges: {
      access: 'filtered',
      checks: [
        filterCheck(
          '/nodes/{node}',
          ['Sys.Audit'],
          false,
          'every node is listed, but cpu/mem/disk/max*/uptime are left out without Sys.Audit on it',
        ),
      ],
      rootOnly: [],
    },
    request: (options?: CallOptions) => ({ path: {}, call: options }),
    answer: schemaAnswer(nodesSchema),
  }),
};
