// The response schemas, one per endpoint (internal barrel; src/index.ts re-exports the
// public ones).
export {
  type ClusterResource,
  type ClusterResourceType,
  clusterResourceSchema,
  clusterResourcesSchema,
} from './cluster-resources.js';
export {
  type ClusterStatusCluster,
  type ClusterStatusEntry,
  type ClusterStatusNode,
  clusterStatusSchema,
} from './cluster-status.js';
export { type ContainerInterface, containerInterfacesSchema } from './container-interfaces.js';
export { type Guest, type GuestStatus, guestSchema, guestStatusSchema, lxcListSchema } from './guest.js';
export { guestConfigRawSchema, guestConfigSchema } from './guest-config.js';
export { nullResponseSchema, optionalUpidStringSchema, upidStringSchema } from './mutation.js';
export { nextIdSchema } from './next-id.js';
export { type NodeStatus, nodeStatusSchema } from './node-status.js';
export { type NodeListItem, nodeListItemSchema, nodesSchema } from './nodes.js';
export { issueFieldPath, parseResponse, type ResponseSchema } from './parse.js';
export { type Permissions, permissionsSchema } from './permissions.js';
export {
  CURRENT_SNAPSHOT_NAME,
  type Snapshot,
  type SnapshotCurrentState,
  type SnapshotList,
  snapshotListSchema,
} from './snapshots.js';
export {
  type NodeStorage,
  nodeStorageItemSchema,
  nodeStorageSchema,
  type StorageConfig,
  storageConfigSchema,
  storageListSchema,
} from './storage.js';
export {
  type StorageContentItem,
  storageContentItemSchema,
  storageContentSchema,
} from './storage-content.js';
export { type TaskListItem, taskListItemSchema, taskListSchema } from './task-list.js';
export {
  type TaskLogLine,
  type TaskStatus,
  taskLogLineSchema,
  taskStatusSchema,
} from './tasks.js';
export { type TokenInfo, tokenInfoSchema } from './token-info.js';
export { type PveVersion, versionSchema } from './version.js';
export {
  type VirtualMachine,
  type VMStatus,
  vmListSchema,
  vmSchema,
  vmStatusSchema,
} from './vm.js';
export { vmConfigRawSchema, vmConfigSchema } from './vm-config.js';
