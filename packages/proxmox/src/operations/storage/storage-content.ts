import { filterCheck, schemaCheck } from '../../privileges/check-builders.js';
import { storageContentSchema } from '../../schemas/storage-content.js';
import { assertNodeName, assertStorageId, assertVmid } from '../../validation/validators.js';
import { schemaAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalOneOf, type StorageContentType, storageContentTypes } from '../checks.js';
import { defineOperation } from '../define.js';

/** The filter of `storageContent(node, storage, filter)`. */
export interface StorageContentFilter extends CallOptions {
  /** Only volumes of this content type (`backup`, `vztmpl`, `rootdir`, …). */
  readonly content?: StorageContentType;
  /** Only volumes belonging to this guest. */
  readonly vmid?: number;
}

/** `GET /nodes/{node}/storage/{storage}/content`. */
export const storageContentOperation = {
  /**
   * The volumes on a storage (`GET …/storage/{storage}/content`): needs `Datastore.Audit` or
   * `Datastore.AllocateSpace` on `/storage/{storage}`; backups of guests without `VM.Backup`
   * are left out.
   */
  storageContent: defineOperation({
    method: 'GET',
    path: '/nodes/{node}/storage/{storage}/content',
    privileges: {
      access: 'any-of',
      checks: [
        schemaCheck(
          '/storage/{storage}',
          ['Datastore.Audit', 'Datastore.AllocateSpace'],
          true,
          'listing a storage needs read access to it',
        ),
        filterCheck(
          '/storage/{storage}',
          ['Datastore.AllocateSpace'],
          false,
          'each volume passes check_volume_access: backups need Datastore.AllocateSpace here (Datastore.Allocate shows everything)',
        ),
        filterCheck(
          '/vms/{vmid}',
          ['VM.Backup'],
          false,
          "and VM.Backup on the guest they belong to; other guests' backups are left out",
        ),
        // pve-storage src/PVE/Storage.pm check_volume_access, `images`/`rootdir` with an owner.
        filterCheck(
          '/storage/{storage}',
          ['Datastore.Audit'],
          false,
          'container and VM volumes (rootdir, images) need Datastore.Audit here (Datastore.Allocate shows everything)',
        ),
        filterCheck(
          '/vms/{vmid}',
          ['VM.Config.Disk'],
          false,
          "and VM.Config.Disk on the guest that owns them; other guests' disks are left out",
        ),
      ],
      rootOnly: [],
    },
    request: (node: string, storage: string, filter?: StorageContentFilter) => {
      const path = { node: assertNodeName(node), storage: assertStorageId(storage) };
      const parameters = {
        content: optionalOneOf('filter.content', filter?.content, storageContentTypes),
        vmid: filter?.vmid === undefined ? undefined : assertVmid(filter.vmid, 'filter.vmid'),
      };
      return { path, parameters, call: filter };
    },
    answer: schemaAnswer(storageContentSchema),
  }),
};
