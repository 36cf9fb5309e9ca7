import { filterCheck } from '../../privileges/check-builders.js';
import { clusterResourcesSchema } from '../../schemas/cluster-resources.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalOneOf } from '../checks.js';
import { defineOperation } from '../define.js';

/** The `type` filter of `clusterResources(type)`. */
export type ClusterResourcesFilter = 'vm' | 'storage' | 'node' | 'sdn';

const clusterResourceFilters: readonly ClusterResourcesFilter[] = ['vm', 'storage', 'node', 'sdn'];

/** `GET /cluster/resources[?type=…]`. */
export const clusterResourcesOperation = {
  /**
   * Every resource of the cluster (`GET /cluster/resources`), optionally of one `type`. Never a
   * 403: entries the token may not audit are left out.
   */
  clusterResources: defineOperation({
    method: 'GET',
    path: '/cluster/resources',
    privileges: {
      access: 'filtered',
      checks: [
        filterCheck('/vms/{vmid}', ['VM.Audit'], false, 'guests without VM.Audit are left out'),
        filterCheck(
          '/storage/{storage}',
          ['Datastore.Audit'],
          false,
          'storages without Datastore.Audit are left out',
        ),
        filterCheck(
          '/nodes/{node}',
          ['Sys.Audit'],
          false,
          'node usage figures are left out without Sys.Audit',
        ),
      ],
      rootOnly: [],
    },
    request: (type?: ClusterResourcesFilter, options?: CallOptions) => ({
      path: {},
      parameters: { type: optionalOneOf('type', type, clusterResourceFilters) },
      call: options,
    }),
    answer: schemaAnswer(clusterResourcesSchema),
  }),
};
