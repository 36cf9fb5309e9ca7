import type { SimRoute } from '../route.js';
import { ACCESS_TOKEN_ROUTES } from './access-tokens.js';
import { CLUSTER_INFO_ROUTES } from './cluster-info.js';
import { CLUSTER_RESOURCE_ROUTES } from './cluster-resources.js';
import { CLUSTER_STATUS_ROUTES } from './cluster-status.js';
import { CLUSTER_TASK_ROUTES } from './cluster-tasks.js';
import { LXC_CONFIG_ROUTES } from './lxc-config.js';
import { LXC_CREATE_ROUTES } from './lxc-create.js';
import { LXC_INTERFACE_ROUTES } from './lxc-interfaces.js';
import { LXC_MIGRATE_ROUTES } from './lxc-migrate.js';
import { LXC_RESIZE_ROUTES } from './lxc-resize.js';
import { LXC_SNAPSHOT_ROUTES } from './lxc-snapshots.js';
import { LXC_STATUS_ROUTES } from './lxc-status.js';
import { NODE_CONFIG_ROUTES } from './node-config.js';
import { QEMU_CONFIG_ROUTES } from './qemu-config.js';
import { QEMU_CREATE_ROUTES } from './qemu-create.js';
import { QEMU_SNAPSHOT_ROUTES } from './qemu-snapshots.js';
import { QEMU_STATUS_ROUTES } from './qemu-status.js';
import { QEMU_TEMPLATE_ROUTES } from './qemu-template.js';
import { STORAGE_ROUTES } from './storage.js';
import { TASK_ROUTES } from './tasks.js';
import { VZDUMP_ROUTES } from './vzdump.js';

/** Every API method the simulator implements; anything else answers 501. */
export const SIM_ROUTES: readonly SimRoute[] = [
  ...CLUSTER_INFO_ROUTES,
  ...CLUSTER_RESOURCE_ROUTES,
  ...CLUSTER_STATUS_ROUTES,
  ...ACCESS_TOKEN_ROUTES,
  ...STORAGE_ROUTES,
  ...LXC_STATUS_ROUTES,
  ...LXC_CREATE_ROUTES,
  ...LXC_CONFIG_ROUTES,
  ...LXC_SNAPSHOT_ROUTES,
  ...LXC_RESIZE_ROUTES,
  ...LXC_INTERFACE_ROUTES,
  ...LXC_MIGRATE_ROUTES,
  ...QEMU_STATUS_ROUTES,
  ...QEMU_CREATE_ROUTES,
  ...QEMU_CONFIG_ROUTES,
  ...QEMU_SNAPSHOT_ROUTES,
  ...VZDUMP_ROUTES,
  ...TASK_ROUTES,
  ...CLUSTER_TASK_ROUTES,
  ...NODE_CONFIG_ROUTES,
  ...QEMU_TEMPLATE_ROUTES,
];
