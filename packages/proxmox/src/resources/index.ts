// Typed resource methods (internal barrel; ProxmoxClient delegates to the functions and
// src/index.ts re-exports the option types).
export type { CallOptions } from './call-options.js';
export { type StorageContentType, storageContentTypes } from './checks.js';
export {
  type ClusterResourcesFilter,
  clusterResources,
  nodeStatus,
  nodes,
  permissions,
  version,
} from './cluster.js';
export {
  type GuestConfigOptions,
  type GuestStatusWithVmid,
  guestConfig,
  guestStatus,
  listLXC,
} from './lxc.js';
export { type ShutdownOptions, shutdown, start, stop } from './power.js';
export { type RestoreLXCSpec, restoreLXC } from './restore.js';
export { type SetConfigOptions, setConfig } from './set-config.js';
export {
  type DeleteSnapshotOptions,
  deleteSnapshot,
  listSnapshots,
  type RollbackOptions,
  rollback,
  type SnapshotOptions,
  snapshot,
} from './snapshots.js';
export {
  type ListStorageOptions,
  listStorage,
  type NodeStorageOptions,
  nodeStorage,
  type StorageContentFilter,
  storageContent,
} from './storage.js';
export { listTasks, type TaskListFilter, type TaskStatusFilter } from './tasks-index.js';
export { type VzdumpSpec, vzdump } from './vzdump.js';
