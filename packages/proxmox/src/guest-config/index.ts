// GuestConfig parsing and encoding (internal barrel; src/index.ts re-exports).
export { encodeGuestConfig } from './encode-guest-config.js';
export { type GuestConfigRaw, parseGuestConfig } from './parse-guest-config.js';
export type { GuestConfig, GuestConfigChanges, GuestConfigScalars } from './types.js';
