/**
 * `@felhom/proxmox/options`: the option, spec and filter types of the client's typed methods
 * (`SnapshotOptions`, `RestoreLXCSpec`, `TaskListFilter`, …), for code that builds them ahead of
 * the call.
 *
 * @packageDocumentation
 * @module options
 */
export * from '../operations/public-types.js';
