// TLS: internal barrel of what src/index.ts re-exports. The agents are internal to the client.
export type { TLSOptions } from './tls-options.js';
