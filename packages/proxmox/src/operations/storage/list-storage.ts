import { storageListSchema } from '../../schemas/storage.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalMatching } from '../checks.js';
import { defineOperation } from '../define.js';
import { storageListFilter } from './storage-readable.js';

/** Options of `listStorage(options)`. */
export interface ListStorageOptions extends CallOptions {
  /** Only storages of this plugin type (`dir`, `lvmthin`, `nfs`, `pbs`, `zfspool`, …). */
  readonly type?: string;
}

const pluginType = /^[a-z][a-z0-9]{1,31}$/;

/** `GET /storage[?type=…]`. */
export const listStorageOperation = {
  /**
   * The storage definitions (`GET /storage`). Never a 403: storages without `Datastore.Audit`
   * or `Datastore.AllocateSpace` on `/storage/{storage}` are left out.
   */
  listStorage: defineOperation({
    method: 'GET',
    path: '/storage',
    privileges: { access: 'filtered', checks: [storageListFilter], rootOnly: [] },
    request: (options?: ListStorageOptions) => ({
      path: {},
      parameters: {
        type: optionalMatching(
          'options.type',
          options?.type,
          pluginType,
          "a storage type such as 'dir' or 'nfs'",
        ),
      },
      call: options,
    }),
    answer: schemaAnswer(storageListSchema),
  }),
};
