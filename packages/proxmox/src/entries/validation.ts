/**
 * `@felhom/proxmox/validation`: the checks the client applies to node names, vmids, storage
 * and volume ids, snapshot names and token ids, for validating input before it reaches a call.
 *
 * @packageDocumentation
 * @module validation
 */
export * from '../validation/index.js';
