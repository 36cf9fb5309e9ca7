import { clusterResourceShape } from './cluster-resources.js';
import { guestShape, guestStatusShape } from './guest.js';
import { nodeStatusShape } from './node-status.js';
import { nodeListItemShape } from './nodes.js';
import { permissionsShape } from './permissions.js';
import { list } from './shape.js';
import { snapshotEntryShape } from './snapshots.js';
import { nodeStorageItemShape, storageConfigShape } from './storage.js';
import { storageContentItemShape } from './storage-content.js';
import { taskListItemShape } from './task-list.js';
import { taskResponseShapes } from './tasks.js';
import { vmShape, vmStatusShape } from './vm.js';

/**
 * The response shapes of guests, nodes, storage, the cluster and the task list, by name.
 * scripts/generate/ writes one checker per entry into
 * src/schemas/generated/resource-checkers.ts; a structure test fails when that file is not what
 * the generator makes of this list.
 */
export const resourceResponseShapes = {
  guest: guestShape,
  guestList: list(guestShape),
  guestStatus: guestStatusShape,
  clusterResource: clusterResourceShape,
  clusterResources: list(clusterResourceShape),
  nodeListItem: nodeListItemShape,
  nodes: list(nodeListItemShape),
  nodeStatus: nodeStatusShape,
  storageConfig: storageConfigShape,
  storageList: list(storageConfigShape),
  nodeStorageItem: nodeStorageItemShape,
  nodeStorage: list(nodeStorageItemShape),
  storageContentItem: storageContentItemShape,
  storageContent: list(storageContentItemShape),
  taskListItem: taskListItemShape,
  taskList: list(taskListItemShape),
  snapshotEntries: list(snapshotEntryShape),
  permissions: permissionsShape,
  vm: vmShape,
  vmList: list(vmShape),
  vmStatus: vmStatusShape,
} as const;

/**
 * Every response shape that gets a generated checker, by name: the resources' and the tasks'
 * (shapes/tasks.ts). Each schema is built from its entry by `responseSchema(name)`
 * (schemas/response-schema.ts), or, for the tasks, by `checkedSchema` (schemas/tasks.ts).
 */
export const responseShapes = { ...resourceResponseShapes, ...taskResponseShapes } as const;

/** The name of a response shape with a generated checker. */
export type ResponseShapeName = keyof typeof responseShapes;
