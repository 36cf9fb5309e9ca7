import { InvalidArgumentError, ProxmoxClient } from '@felhom/proxmox';
import { ConfigError } from '../config/config-error.js';
import type { LoadedConfig } from '../config/load-config.js';
import { originOf } from '../config/sources.js';

/**
 * Builds the client from a loaded config. The client validates its options (token id format,
 * fingerprint length, …); a refusal is turned into a {@link ConfigError} that names where the
 * value came from, so the operator knows which file or variable to fix (exit 2).
 */
export function clientFromConfig({ config, sources }: LoadedConfig): ProxmoxClient {
  try {
    return new ProxmoxClient({
      baseUrl: config.baseUrl,
      token: { id: config.tokenId, secret: config.tokenSecret.reveal() },
      ...(config.tls === undefined
        ? {}
        : {
            tls:
              'fingerprint' in config.tls ? { fingerprint: config.tls.fingerprint } : { ca: config.tls.ca },
          }),
      timeout: config.requestTimeoutMs,
    });
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const field = configFieldOf(error.parameter);
    throw new ConfigError({
      origin: originOf(sources[field === 'tls.fingerprint' || field === 'tls.ca' ? 'tls' : field]),
      field,
      expected: error.expected,
      // The secret is never echoed, whatever the client put in `value`.
      got: field === 'token.secret' ? 'an invalid value' : JSON.stringify(error.value),
    });
  }
}

function configFieldOf(parameter: string): string {
  const name = parameter.replace(/^options\./, '');
  if (name === 'timeout') return 'timeouts.requestMs';
  if (name.startsWith('tls.fingerprint')) return 'tls.fingerprint';
  if (name.startsWith('tls')) return 'tls.ca';
  return name;
}
