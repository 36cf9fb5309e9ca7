// UPIDs: internal barrel, re-exported selectively by src/index.ts.
export { formatUPID, type UPIDFields } from './format-upid.js';
export { parseUPID } from './parse-upid.js';
export type { UPID } from './upid.js';
