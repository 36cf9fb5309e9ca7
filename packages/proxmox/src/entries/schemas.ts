/**
 * `@felhom/proxmox/schemas`: the valibot schemas every answer is validated with, their output
 * types, and `parseResponse` to validate an answer of `client.request()` the same way.
 *
 * @packageDocumentation
 * @module schemas
 */
export * from '../schemas/index.js';
