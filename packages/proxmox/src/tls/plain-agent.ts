import type { Agent } from 'undici';
import type { AgentSettings } from './pinned-agent.js';
import { undiciAgent } from './undici-modules.js';

/**
 * An undici Agent for a plain `http:` loopback origin (tests, local tunnels): no TLS, but the
 * client's own connection pool, connect timeout and per-request abort like every other mode.
 */
export function createPlainAgent(settings: AgentSettings): Agent {
  const UndiciAgent = undiciAgent();
  return new UndiciAgent({
    connections: settings.connections,
    connect: { timeout: settings.connectTimeout },
  });
}
