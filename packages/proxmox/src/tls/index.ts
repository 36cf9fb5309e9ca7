// TLS: internal barrel, re-exported selectively by src/index.ts.
export { createCAAgent } from './ca-agent.js';
export { canonicalFingerprint, isFingerprint } from './fingerprint.js';
export { type AgentSettings, createPinnedAgent } from './pinned-agent.js';
export type { TLSOptions } from './tls-options.js';
