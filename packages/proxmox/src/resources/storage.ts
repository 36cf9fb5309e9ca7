import { parseResponse } from '../schemas/parse.js';
import {
  type NodeStorage,
  nodeStorageSchema,
  type StorageConfig,
  storageListSchema,
} from '../schemas/storage.js';
import { type StorageContentItem, storageContentSchema } from '../schemas/storage-content.js';
import type { APIRequester } from '../tasks/requester.js';
import { encodePathSegment } from '../transport/encoding.js';
import { assertStorageId, assertVmid } from '../validation/validators.js';
import { type CallOptions, requestOptions } from './call-options.js';
import {
  optionalBoolean,
  optionalMatching,
  optionalOneOf,
  type StorageContentType,
  storageContentTypes,
} from './checks.js';
import { nodePath } from './paths.js';

// Storage reads: definitions, per-node state, content. Internal; reached through ProxmoxClient.

/** Options of `listStorage(options)`. */
export interface ListStorageOptions extends CallOptions {
  /** Only storages of this plugin type (`dir`, `lvmthin`, `nfs`, `pbs`, `zfspool`, …). */
  readonly type?: string;
}

/** Options of `nodeStorage(node, options)`. */
export interface NodeStorageOptions extends CallOptions {
  /** Only storages that hold this content type. */
  readonly content?: StorageContentType;
  /** Only enabled (`true`) storages. */
  readonly enabled?: boolean;
  /** Only this storage. */
  readonly storage?: string;
}

/** The filter of `storageContent(node, storage, filter)`. */
export interface StorageContentFilter extends CallOptions {
  /** Only volumes of this content type (`backup`, `vztmpl`, `rootdir`, …). */
  readonly content?: StorageContentType;
  /** Only volumes belonging to this guest. */
  readonly vmid?: number;
}

const pluginType = /^[a-z][a-z0-9]{1,31}$/;

/** `GET /storage[?type=…]`. */
export async function listStorage(api: APIRequester, options?: ListStorageOptions): Promise<StorageConfig[]> {
  const type = optionalMatching(
    'options.type',
    options?.type,
    pluginType,
    "a storage type such as 'dir' or 'nfs'",
  );
  const { data } = await api.request('GET', '/storage', requestOptions(options, { query: { type } }));
  return parseResponse(storageListSchema, data, 'GET /storage');
}

/** `GET /nodes/{node}/storage`. */
export async function nodeStorage(
  api: APIRequester,
  node: string,
  options?: NodeStorageOptions,
): Promise<NodeStorage[]> {
  const path = `${nodePath(node)}/storage`;
  const query = {
    content: optionalOneOf('options.content', options?.content, storageContentTypes),
    enabled: optionalBoolean('options.enabled', options?.enabled),
    storage: options?.storage === undefined ? undefined : assertStorageId(options.storage, 'options.storage'),
  };
  const { data } = await api.request('GET', path, requestOptions(options, { query }));
  return parseResponse(nodeStorageSchema, data, `GET ${path}`);
}

/** `GET /nodes/{node}/storage/{storage}/content`. */
export async function storageContent(
  api: APIRequester,
  node: string,
  storage: string,
  filter?: StorageContentFilter,
): Promise<StorageContentItem[]> {
  const path = `${nodePath(node)}/storage/${encodePathSegment(assertStorageId(storage))}/content`;
  const query = {
    content: optionalOneOf('filter.content', filter?.content, storageContentTypes),
    vmid: filter?.vmid === undefined ? undefined : assertVmid(filter.vmid, 'filter.vmid'),
  };
  const { data } = await api.request('GET', path, requestOptions(filter, { query }));
  return parseResponse(storageContentSchema, data, `GET ${path}`);
}
