import { vzdumpOperation } from './backup/vzdump.js';
import { clusterResourcesOperation } from './cluster/cluster-resources.js';
import { clusterStatusOperation } from './cluster/cluster-status.js';
import { nextIdOperation } from './cluster/next-id.js';
import { nodeStatusOperation } from './cluster/node-status.js';
import { nodesOperation } from './cluster/nodes.js';
import { permissionsOperation } from './cluster/permissions.js';
import { tokenInfoOperation } from './cluster/token-info.js';
import { versionOperation } from './cluster/version.js';
import { deleteSnapshotOperation } from './containers/delete-snapshot.js';
import { guestConfigOperation } from './containers/guest-config.js';
import { guestStatusOperation } from './containers/guest-status.js';
import { interfacesOperation } from './containers/interfaces.js';
import { listLXCOperation } from './containers/list-lxc.js';
import { listSnapshotsOperation } from './containers/list-snapshots.js';
import { migrateOperation } from './containers/migrate.js';
import { rebootOperation } from './containers/reboot.js';
import { resizeOperation } from './containers/resize.js';
import { restoreLXCOperation } from './containers/restore-lxc.js';
import { rollbackOperation } from './containers/rollback.js';
import { setConfigOperation } from './containers/set-config.js';
import { shutdownOperation } from './containers/shutdown.js';
import { snapshotOperation } from './containers/snapshot.js';
import { startOperation } from './containers/start.js';
import { stopOperation } from './containers/stop.js';
import { listStorageOperation } from './storage/list-storage.js';
import { nodeStorageOperation } from './storage/node-storage.js';
import { storageContentOperation } from './storage/storage-content.js';
import { taskOperations } from './task-operations.js';
import { listTasksOperation } from './tasks/list-tasks.js';
import { deleteVMSnapshotOperation } from './vms/delete-vm-snapshot.js';
import { listVMSnapshotsOperation } from './vms/list-vm-snapshots.js';
import { listVMsOperation } from './vms/list-vms.js';
import { rebootVMOperation } from './vms/reboot-vm.js';
import { restoreVMOperation } from './vms/restore-vm.js';
import { rollbackVMOperation } from './vms/rollback-vm.js';
import { setVMConfigOperation } from './vms/set-vm-config.js';
import { shutdownVMOperation } from './vms/shutdown-vm.js';
import { snapshotVMOperation } from './vms/snapshot-vm.js';
import { startVMOperation } from './vms/start-vm.js';
import { stopVMOperation } from './vms/stop-vm.js';
import { vmConfigOperation } from './vms/vm-config.js';
import { vmStatusOperation } from './vms/vm-status.js';

/**
 * Every typed method of `ProxmoxClient`, defined once each: the client's methods, the
 * privilege table and the method names all derive from this table. Adding a method is one
 * module under `operations/` and one entry here (docs/development.md, "Adding an operation").
 */
export const operations = {
  ...versionOperation,
  ...nodesOperation,
  ...nodeStatusOperation,
  ...listLXCOperation,
  ...guestStatusOperation,
  ...guestConfigOperation,
  ...listSnapshotsOperation,
  ...listStorageOperation,
  ...nodeStorageOperation,
  ...storageContentOperation,
  ...clusterResourcesOperation,
  ...listTasksOperation,
  ...permissionsOperation,
  ...restoreLXCOperation,
  ...vzdumpOperation,
  ...snapshotOperation,
  ...rollbackOperation,
  ...deleteSnapshotOperation,
  ...startOperation,
  ...stopOperation,
  ...shutdownOperation,
  ...setConfigOperation,
  ...rebootOperation,
  ...resizeOperation,
  ...interfacesOperation,
  ...migrateOperation,
  ...clusterStatusOperation,
  ...nextIdOperation,
  ...tokenInfoOperation,
  ...listVMsOperation,
  ...vmStatusOperation,
  ...vmConfigOperation,
  ...listVMSnapshotsOperation,
  ...setVMConfigOperation,
  ...snapshotVMOperation,
  ...rollbackVMOperation,
  ...deleteVMSnapshotOperation,
  ...startVMOperation,
  ...stopVMOperation,
  ...shutdownVMOperation,
  ...rebootVMOperation,
  ...restoreVMOperation,
  ...taskOperations,
};

/** The table of operations. */
export type Operations = typeof operations;

/** The name of a typed client method (a key of the table of operations). */
export type OperationName = keyof Operations;
