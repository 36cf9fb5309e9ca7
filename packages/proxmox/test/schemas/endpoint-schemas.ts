import {
  clusterResourcesSchema,
  guestConfigSchema,
  guestStatusSchema,
  lxcListSchema,
  nodeStatusSchema,
  nodeStorageSchema,
  nodesSchema,
  permissionsSchema,
  type ResponseSchema,
  snapshotListSchema,
  storageContentSchema,
  storageListSchema,
  taskListSchema,
  upidStringSchema,
  versionSchema,
} from '@felhom/proxmox/schemas';
import type { EndpointName } from '../fixtures/bodies/index.js';

/** Which schema reads each fixture body. */
export const schemaFor: Readonly<Record<EndpointName, ResponseSchema>> = {
  version: versionSchema,
  nodes: nodesSchema,
  nodeStatus: nodeStatusSchema,
  lxcList: lxcListSchema,
  guestStatusRunning: guestStatusSchema,
  guestStatusStopped: guestStatusSchema,
  guestConfig: guestConfigSchema,
  snapshotList: snapshotListSchema,
  storageList: storageListSchema,
  nodeStorage: nodeStorageSchema,
  storageContent: storageContentSchema,
  clusterResources: clusterResourcesSchema,
  taskList: taskListSchema,
  permissions: permissionsSchema,
  upid: upidStringSchema,
};
