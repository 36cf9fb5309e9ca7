import { schemaCheck } from '../../privileges/check-builders.js';
import { clusterStatusSchema } from '../../schemas/cluster-status.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { defineOperation } from '../define.js';

/** `GET /cluster/status`. */
export const clusterStatusOperation = {
  /**
   * The cluster's membership and quorum (`GET /cluster/status`): a `cluster` entry (name, node
   * count, `quorate`; absent on a host that is not in a cluster) and one `node` entry per node
   * (`online`, `local` for the node that answered, corosync `nodeid`, `ip`). Needs `Sys.Audit`
   * on `/`.
   */
  clusterStatus: defineOperation({
    method: 'GET',
    path: '/cluster/status',
    privileges: {
      access: 'all-of',
      checks: [schemaCheck('/', ['Sys.Audit'], false, 'cluster membership and quorum are system auditing')],
      rootOnly: [],
    },
    request: (options?: CallOptions) => ({ path: {}, call: options }),
    answer: schemaAnswer(clusterStatusSchema),
  }),
};
