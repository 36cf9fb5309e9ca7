/**
 * `@felhom/proxmox/encoding`: PVE's property strings (`net0`, `rootfs`, `mp0`, `features`, …)
 * parsed and serialised, request parameters, and guest configs encoded and parsed.
 *
 * @packageDocumentation
 * @module encoding
 */
export * from '../encoding/index.js';
export * from '../guest-config/index.js';
export * from '../vm-config/index.js';
