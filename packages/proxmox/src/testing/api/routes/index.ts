import type { SimRoute } from '../route.js';
import { CLUSTER_INFO_ROUTES } from './cluster-info.js';
import { LXC_CONFIG_ROUTES } from './lxc-config.js';
import { LXC_CREATE_ROUTES } from './lxc-create.js';
import { LXC_STATUS_ROUTES } from './lxc-status.js';
import { SNAPSHOT_ROUTES } from './snapshots.js';
import { STORAGE_ROUTES } from './storage.js';
import { TASK_ROUTES } from './tasks.js';
import { VZDUMP_ROUTES } from './vzdump.js';

/** Every API method the simulator implements; anything else answers 501. */
export const SIM_ROUTES: readonly SimRoute[] = [
  ...CLUSTER_INFO_ROUTES,
  ...STORAGE_ROUTES,
  ...LXC_STATUS_ROUTES,
  ...LXC_CREATE_ROUTES,
  ...LXC_CONFIG_ROUTES,
  ...SNAPSHOT_ROUTES,
  ...VZDUMP_ROUTES,
  ...TASK_ROUTES,
];
