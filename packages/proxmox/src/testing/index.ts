/**
 * `@felhom/proxmox/testing`: a simulated Proxmox VE cluster for tests — a stateful model, the
 * host's request handling (authentication, permission checks, validation, tasks) and a real
 * HTTPS front door. The msw front door is `@felhom/proxmox/testing/msw`.
 *
 * This module never imports the client: it is an independent oracle of how PVE behaves.
 *
 * @packageDocumentation
 */

export { handleSimulatorRequest } from './api/handle.js';
// simulated cluster
export type { SimHttpRequest, SimHttpResponse } from './api/wire.js';
export { type SimulatorServer, type SimulatorServerOptions, startSimulatorServer } from './https/server.js';
export type { SimClock } from './model/clock.js';
export {
  type SimRequestLogEntry,
  type SimTaskMatch,
  type SimTokenInit,
  SimulatedCluster,
  type SimulatedClusterOptions,
} from './model/cluster.js';
export type { SimSnapshot } from './model/config-file.js';
export type { SimGuest, SimNode, SimStorage, SimVolume } from './model/inventory.js';
export { PVE9_PRIVILEGES, SIM_AGENT_PRIVILEGES, type SimAclEntry } from './model/privileges.js';
export { SIM_PROFILES, type SimProfile, type SimProfileName } from './model/profiles.js';
export type { SimTask, SimTaskOutcome, SimTaskSpec } from './model/tasks.js';
export {
  SIM_AGENT_TOKEN_ID,
  SIM_AGENT_TOKEN_SECRET,
  SIM_ROOT_TOKEN_ID,
  SIM_ROOT_TOKEN_SECRET,
  type SimToken,
} from './model/tokens.js';
