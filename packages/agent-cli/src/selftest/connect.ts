import { ProxmoxClient } from '@felhom/proxmox';
import { clientOptionsOf } from '../config/client-options.js';
import type { LoadedConfig } from '../config/load-config.js';

/**
 * Builds the client from a loaded config. `loadConfig` has already run the client's option checks
 * on every value (and refused the config otherwise), so this construction does not throw.
 */
export function clientFromConfig({ config }: LoadedConfig): ProxmoxClient {
  return new ProxmoxClient(clientOptionsOf(config));
}
