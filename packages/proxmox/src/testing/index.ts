/**
 * `@felhom/proxmox/testing`: a simulated Proxmox VE cluster for tests.
 *
 * @packageDocumentation
 */
export {};
