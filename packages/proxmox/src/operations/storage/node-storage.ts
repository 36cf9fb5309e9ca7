import { nodeStorageSchema } from '../../schemas/storage.js';
import { assertNodeName, assertStorageId } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalOneOf, type StorageContentType, storageContentTypes } from '../checks.js';
import { defineOperation } from '../define.js';
import { storageListFilter } from './storage-readable.js';

/** Options of `nodeStorage(node, options)`. */
export interface NodeStorageOptions extends CallOptions {
  /** Only storages that hold this content type. */
  readonly content?: StorageContentType;
  /** Only enabled (`true`) storages. */
  readonly enabled?: boolean;
  /** Only this storage. */
  readonly storage?: string;
}

/** `GET /nodes/{node}/storage`. */
export const nodeStorageOperation = {
  /** The storages' state on a node (`GET /nodes/{node}/storage`); filtered like `listStorage`. */
  nodeStorage: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/storage',
    privileges: { access: 'filtered', checks: [storageListFilter], rootOnly: [] },
    request: (node: string, options?: NodeStorageOptions) => {
      const path = { node: assertNodeName(node) };
      const parameters = {
        content: optionalOneOf('options.content', options?.content, storageContentTypes),
        enabled: optionalBoolean('options.enabled', options?.enabled),
        storage:
          options?.storage === undefined ? undefined : assertStorageId(options.storage, 'options.storage'),
      };
      return { path, parameters, call: options };
    },
    answer: schemaAnswer(nodeStorageSchema),
  }),
};
