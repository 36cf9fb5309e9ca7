// The package's errors. Each file holds one error; this barrel is internal to the package and
// re-exported selectively by src/index.ts.
export { InvalidArgumentError } from './invalid-argument-error.js';
export {
  isProxmoxError,
  ProxmoxError,
  type ProxmoxErrorOptions,
  type ProxmoxErrorReason,
} from './proxmox-error.js';
export { ResponseShapeError } from './response-shape-error.js';
