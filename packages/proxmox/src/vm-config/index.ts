// VMConfig parsing and encoding (internal barrel; src/index.ts re-exports).
export { encodeVMConfig } from './encode-vm-config.js';
export { isVMDriveKey, type VMDriveKey } from './keys.js';
export { parseVMConfig, type VMConfigRaw } from './parse-vm-config.js';
export type { VMConfig, VMConfigChanges, VMConfigScalars } from './types.js';
