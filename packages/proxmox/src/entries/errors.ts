/**
 * `@felhom/proxmox/errors`: every error class with its helpers (`parsePermissionDenial`,
 * `reasonFromStatus`) and constructor types. The classes themselves are also in the root.
 *
 * @packageDocumentation
 * @module errors
 */
export * from '../errors/index.js';
