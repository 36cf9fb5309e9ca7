/**
 * `@felhom/proxmox`: the typed Proxmox VE API client.
 *
 * @packageDocumentation
 */

/** The package's version, kept in step with package.json by the release process. */
export const VERSION = '0.1.0';

// errors
export {
  InvalidArgumentError,
  isProxmoxError,
  ProxmoxError,
  type ProxmoxErrorOptions,
  type ProxmoxErrorReason,
  ResponseShapeError,
} from './errors/index.js';
