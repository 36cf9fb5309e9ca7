// The client: internal barrel, re-exported selectively by src/index.ts.
export type { ProxmoxClientOptions, ProxmoxToken } from './options.js';
export { ProxmoxClient } from './proxmox-client.js';
