import type { Agent } from 'undici';
import type { AgentSettings } from './pinned-agent.js';
import { undiciAgent } from './undici-modules.js';

/**
 * An undici Agent that trusts only the given CA certificate(s) (PEM), e.g. a cluster's
 * `/etc/pve/pve-root-ca.pem`, with normal chain and host-name verification.
 */
export function createCAAgent(ca: string | Buffer, settings: AgentSettings): Agent {
  const UndiciAgent = undiciAgent();
  return new UndiciAgent({
    connections: settings.connections,
    connect: { ca, rejectUnauthorized: true, timeout: settings.connectTimeout },
  });
}
