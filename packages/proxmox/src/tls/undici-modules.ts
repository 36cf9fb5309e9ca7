import { createRequire } from 'node:module';
import type { Agent, buildConnector } from 'undici';

// undici's entry module (index.js) runs lib/global.js, which installs undici's own Agent as the
// process-wide fetch dispatcher when none is set yet: importing it would change how every other
// `fetch` in the process is served. The client only needs the Agent class and the TLS
// connector, so it loads those two modules directly, on demand (only when a `tls` option asks
// for an Agent). undici is pinned to an exact version, so these paths are fixed.
const load = createRequire(import.meta.url);

/** undici's `Agent` class, without undici's global side effects. */
export function undiciAgent(): typeof Agent {
  return load('undici/lib/dispatcher/agent.js') as typeof Agent;
}

/** undici's `buildConnector`, without undici's global side effects. */
export function undiciBuildConnector(): typeof buildConnector {
  return load('undici/lib/core/connect.js') as typeof buildConnector;
}
