import { InvalidArgumentError, ProxmoxClient, type ProxmoxClientOptions } from '@felhom/proxmox';
import type { AgentConfig } from './agent-config.js';
import { ConfigError } from './config-error.js';
import { originOf, type ValueSource } from './sources.js';

/** The client options a config stands for. The secret is revealed here, for the client only. */
export function clientOptionsOf(
  config: Pick<AgentConfig, 'baseUrl' | 'tokenId' | 'tokenSecret' | 'tls' | 'requestTimeoutMs'>,
): ProxmoxClientOptions {
  return {
    baseUrl: config.baseUrl,
    token: { id: config.tokenId, secret: config.tokenSecret.reveal() },
    ...(config.tls === undefined
      ? {}
      : {
          tls: 'fingerprint' in config.tls ? { fingerprint: config.tls.fingerprint } : { ca: config.tls.ca },
        }),
    timeout: config.requestTimeoutMs,
  };
}

/** The values the client checks; a field that is absent (or already failed) is left out. */
export interface ClientValues {
  readonly baseUrl?: string | undefined;
  readonly tokenId?: string | undefined;
  readonly tokenSecret?: { reveal(): string } | undefined;
  readonly tls?: AgentConfig['tls'];
  readonly requestTimeoutMs?: number | undefined;
}

// Stand-ins the client accepts, so each probe below fails only for the value it checks.
const standIn = { baseUrl: 'https://pve.invalid:8006', id: 'probe@pve!probe', secret: 'probe' };

/**
 * The client's own option checks (`new ProxmoxClient` validates every option up front), run once
 * per value with accepted stand-ins for the others: the client stops at its first refusal, and
 * an operator should see every problem at once. Each refusal becomes a {@link ConfigError}
 * naming where the value came from; a secret is never echoed.
 */
export function clientOptionProblems(
  values: ClientValues,
  sources: Readonly<Record<string, ValueSource>>,
): ConfigError[] {
  const probes: [string, ProxmoxClientOptions][] = [];
  const token = { id: standIn.id, secret: standIn.secret };
  if (values.baseUrl !== undefined) probes.push(['baseUrl', { baseUrl: values.baseUrl, token }]);
  if (values.tokenId !== undefined)
    probes.push(['token.id', { baseUrl: standIn.baseUrl, token: { ...token, id: values.tokenId } }]);
  if (values.tokenSecret !== undefined) {
    const secret = values.tokenSecret.reveal();
    probes.push(['token.secret', { baseUrl: standIn.baseUrl, token: { ...token, secret } }]);
  }
  if (values.tls !== undefined) {
    const tls = 'fingerprint' in values.tls ? { fingerprint: values.tls.fingerprint } : { ca: values.tls.ca };
    probes.push(['tls', { baseUrl: standIn.baseUrl, token, tls }]);
  }
  if (values.requestTimeoutMs !== undefined)
    probes.push([
      'timeouts.requestMs',
      { baseUrl: standIn.baseUrl, token, timeout: values.requestTimeoutMs },
    ]);

  const problems: ConfigError[] = [];
  for (const [sourceKey, options] of probes) {
    try {
      void new ProxmoxClient(options).close();
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      problems.push(toConfigError(error, sources[sourceKey]));
    }
  }
  return problems;
}

function toConfigError(error: InvalidArgumentError, source: ValueSource | undefined): ConfigError {
  const field = configFieldOf(error.parameter);
  const value = error.value;
  // openssl prints `sha256 Fingerprint=AB:…`; only the part after `=` is the fingerprint.
  const opensslPrefix = typeof value === 'string' && /fingerprint\s*=/i.test(value);
  return new ConfigError({
    origin: originOf(source),
    field,
    expected: opensslPrefix
      ? `${error.expected}, without the "sha256 Fingerprint=" openssl prints before it`
      : error.expected,
    // Neither is repeated: a secret never, and a mistyped token id may hold a pasted secret.
    got:
      field === 'token.secret'
        ? 'an invalid value'
        : field === 'token.id'
          ? 'an id not repeated here'
          : JSON.stringify(value),
  });
}

function configFieldOf(parameter: string): string {
  const name = parameter.replace(/^options\./, '');
  if (name === 'timeout') return 'timeouts.requestMs';
  if (name.startsWith('tls.fingerprint')) return 'tls.fingerprint';
  if (name.startsWith('tls')) return 'tls.caFile';
  return name;
}
