// The option and result types of the typed methods (internal barrel; src/index.ts re-exports).

export type { VzdumpSpec } from './backup/vzdump.js';
export type { CallOptions } from './call-options.js';
export { type StorageContentType, storageContentTypes } from './checks.js';
export type { ClusterResourcesFilter } from './cluster/cluster-resources.js';
export type { ConfigChangeOptions } from './config-change.js';
export type { DeleteSnapshotOptions } from './containers/delete-snapshot.js';
export type { GuestConfigOptions } from './containers/guest-config.js';
export type { GuestStatusWithVmid } from './containers/guest-status.js';
export type { MigrateOptions } from './containers/migrate.js';
export type { RebootOptions } from './containers/reboot.js';
export type { ContainerVolumeKey, ResizeOptions } from './containers/resize.js';
export type { RestoreLXCSpec } from './containers/restore-lxc.js';
export type { RollbackOptions } from './containers/rollback.js';
export type { SetConfigOptions } from './containers/set-config.js';
export type { ShutdownOptions } from './containers/shutdown.js';
export type { SnapshotOptions } from './containers/snapshot.js';
export type { ListStorageOptions } from './storage/list-storage.js';
export type { NodeStorageOptions } from './storage/node-storage.js';
export type { StorageContentFilter } from './storage/storage-content.js';
export type { TaskListFilter, TaskStatusFilter } from './tasks/list-tasks.js';
export type { RestoreVMSpec } from './vms/restore-vm.js';
export type { SetVMConfigOptions } from './vms/set-vm-config.js';
export type { VMSnapshotOptions } from './vms/snapshot-vm.js';
export type { VMConfigOptions } from './vms/vm-config.js';
export type { VMStatusWithVmid } from './vms/vm-status.js';
