// Where config values come from: the environment variables and how a source is worded.

/** The process environment as the config reads it (`process.env`, or a test's own). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The environment variables the agent reads, by config field. */
export const ENV = {
  config: 'FELHOM_AGENT_CONFIG',
  baseUrl: 'FELHOM_AGENT_BASE_URL',
  tokenId: 'FELHOM_AGENT_TOKEN_ID',
  tokenSecret: 'FELHOM_AGENT_TOKEN_SECRET',
  tokenSecretFile: 'FELHOM_AGENT_TOKEN_SECRET_FILE',
  tlsFingerprint: 'FELHOM_AGENT_TLS_FINGERPRINT',
  tlsCaFile: 'FELHOM_AGENT_TLS_CA_FILE',
  node: 'FELHOM_AGENT_NODE',
  privilegedMode: 'FELHOM_AGENT_PRIVILEGED_MODE',
  requestTimeoutMs: 'FELHOM_AGENT_TIMEOUT_MS',
  taskTimeoutMs: 'FELHOM_AGENT_TASK_TIMEOUT_MS',
} as const;

/** Where one effective value came from. */
export type ValueSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'env'; readonly variable: string }
  | { readonly kind: 'flag'; readonly flag: string }
  | { readonly kind: 'default' };

/** Where a value came from, worded as {@link ConfigError} origins are: a path or `environment VAR`. */
export function originOf(source: ValueSource | undefined): string {
  if (!source || source.kind === 'default') return 'default';
  if (source.kind === 'flag') return `option ${source.flag}`;
  return source.kind === 'file' ? source.path : `environment ${source.variable}`;
}

/** Describes a source for messages and for `config check`. */
export function describeSource(source: ValueSource | undefined): string {
  if (!source || source.kind === 'default') return 'default';
  if (source.kind === 'flag') return `option ${source.flag}`;
  return source.kind === 'file' ? `file ${source.path}` : `env ${source.variable}`;
}

/** An environment value, with the empty string read as unset. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
