import type { Agent } from 'undici';
import type { AgentSettings } from './pinned-agent.js';
import { undiciAgent } from './undici-modules.js';

/**
 * An undici Agent that verifies the host against the system's CA store (Node's bundled roots,
 * plus `NODE_EXTRA_CA_CERTS`), with host-name checks. `rejectUnauthorized: true` is explicit
 * because Node's default for it comes from `NODE_TLS_REJECT_UNAUTHORIZED`: the process-wide
 * dispatcher would send the token to any server once that variable is `0`.
 */
export function createSystemAgent(settings: AgentSettings): Agent {
  const UndiciAgent = undiciAgent();
  return new UndiciAgent({
    connections: settings.connections,
    connect: { rejectUnauthorized: true, timeout: settings.connectTimeout },
  });
}
