import { schemaCheck } from '../../privileges/check-builders.js';
import { nodeStatusSchema } from '../../schemas/node-status.js';
import { assertNodeName } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /nodes/{node}/status`. */
export const nodeStatusOperation = {
  /** A node's status (`GET /nodes/{node}/status`); needs `Sys.Audit` on `/nodes/{node}`. */
  nodeStatus: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/status',
    privileges: {
      access: 'all-of',
      checks: [schemaCheck('/nodes/{node}', ['Sys.Audit'], false, 'node status is node auditing')],
      rootOnly: [],
    },
    request: (node: string, options?: CallOptions) => ({
      path: { node: assertNodeName(node) },
      call: options,
    }),
    answer: schemaAnswer(nodeStatusSchema),
  }),
};
