import { readFileSync, statSync } from 'node:fs';
import * as v from 'valibot';
import { ConfigError } from './config-error.js';
import { type ConfigFile, configFileSchema } from './schema.js';
import { Secret } from './secret.js';

/** Where the config file is looked for when neither `--config` nor `FELHOM_AGENT_CONFIG` is given. */
export const DEFAULT_CONFIG_PATH = '/etc/felhom/agent.json';

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
  | { readonly kind: 'default' };

/** The agent's effective configuration after the file and the environment are merged. */
export interface AgentConfig {
  readonly baseUrl: string;
  readonly tokenId: string;
  readonly tokenSecret: Secret;
  /** Pin by fingerprint, trust a CA file, or (undefined) use the system CAs. */
  readonly tls:
    | { readonly fingerprint: string }
    | { readonly caFile: string; readonly ca: string }
    | undefined;
  readonly node: string | undefined;
  readonly privilegedMode: 'sudo' | 'direct';
  readonly requestTimeoutMs: number;
  readonly taskTimeoutMs: number;
}

/** The config, where each value came from, the file read (if any) and warnings to print. */
export interface LoadedConfig {
  readonly config: AgentConfig;
  readonly sources: Readonly<Record<string, ValueSource>>;
  readonly file: string | undefined;
  readonly warnings: readonly string[];
}

/** Inputs of {@link loadConfig}; `env` is usually `process.env`. */
export interface LoadConfigOptions {
  /** `--config FILE`; when given, the file must exist. */
  readonly configPath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The path tried when no file is named; it may be absent. @default DEFAULT_CONFIG_PATH */
  readonly defaultConfigPath?: string;
}

const DEFAULTS = { privilegedMode: 'sudo', requestTimeoutMs: 30_000, taskTimeoutMs: 600_000 } as const;

/**
 * Loads the JSON config file and applies `FELHOM_AGENT_*` overrides (environment wins), then
 * checks that everything needed to reach a host is present. Throws {@link ConfigError} naming
 * the file or variable, the field and what was expected.
 */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const { env } = options;
  const explicitPath = options.configPath ?? nonEmpty(env[ENV.config]);
  const path = explicitPath ?? options.defaultConfigPath ?? DEFAULT_CONFIG_PATH;
  const warnings: string[] = [];
  const file = readConfigFile(path, explicitPath !== undefined, warnings);
  const fileValues: ConfigFile = file?.values ?? {};
  const sources: Record<string, ValueSource> = {};
  const fromFile: ValueSource = { kind: 'file', path };

  // One resolver per field: environment first, then the file, then the default.
  function pick<T>(
    field: string,
    envName: string,
    fileValue: T | undefined,
    parse: (raw: string) => T,
  ): T | undefined {
    const raw = nonEmpty(env[envName]);
    if (raw !== undefined) {
      sources[field] = { kind: 'env', variable: envName };
      return parse(raw);
    }
    if (fileValue !== undefined) {
      sources[field] = fromFile;
      return fileValue;
    }
    return undefined;
  }
  const asString = (raw: string) => raw;

  const baseUrl = pick('baseUrl', ENV.baseUrl, fileValues.baseUrl, asString);
  const tokenId = pick('token.id', ENV.tokenId, fileValues.token?.id, asString);
  const node = pick('node', ENV.node, fileValues.node, asString);
  const privilegedMode =
    pick('privileged.mode', ENV.privilegedMode, fileValues.privileged?.mode, (raw) =>
      parseEnum(ENV.privilegedMode, raw, ['sudo', 'direct'] as const),
    ) ?? useDefault(sources, 'privileged.mode', DEFAULTS.privilegedMode);
  const requestTimeoutMs =
    pick('timeouts.requestMs', ENV.requestTimeoutMs, fileValues.timeouts?.requestMs, (raw) =>
      parsePositiveInteger(ENV.requestTimeoutMs, raw),
    ) ?? useDefault(sources, 'timeouts.requestMs', DEFAULTS.requestTimeoutMs);
  const taskTimeoutMs =
    pick('timeouts.taskMs', ENV.taskTimeoutMs, fileValues.timeouts?.taskMs, (raw) =>
      parsePositiveInteger(ENV.taskTimeoutMs, raw),
    ) ?? useDefault(sources, 'timeouts.taskMs', DEFAULTS.taskTimeoutMs);

  const tokenSecret = resolveSecret(env, fileValues, path, sources, warnings);
  const tls = resolveTls(env, fileValues, path, sources);

  const missing = (field: string, envName: string) =>
    new ConfigError({
      origin: file ? path : 'configuration',
      field,
      expected: `a value, from ${file ? 'the file' : `a config file (${path})`} or ${envName}`,
      got: 'nothing',
    });
  if (baseUrl === undefined) throw missing('baseUrl', ENV.baseUrl);
  if (tokenId === undefined) throw missing('token.id', ENV.tokenId);
  if (tokenSecret === undefined)
    throw missing('token.secret', `${ENV.tokenSecret} or ${ENV.tokenSecretFile}`);
  checkBaseUrl(baseUrl, sources.baseUrl);

  return {
    config: { baseUrl, tokenId, tokenSecret, tls, node, privilegedMode, requestTimeoutMs, taskTimeoutMs },
    sources,
    file: file ? path : undefined,
    warnings,
  };
}

/** Where a value came from, worded as {@link ConfigError} origins are: a path or `environment VAR`. */
export function originOf(source: ValueSource | undefined): string {
  if (!source || source.kind === 'default') return 'default';
  return source.kind === 'file' ? source.path : `environment ${source.variable}`;
}

/** Describes a source for messages and for `config check`. */
export function describeSource(source: ValueSource | undefined): string {
  if (!source || source.kind === 'default') return 'default';
  return source.kind === 'file' ? `file ${source.path}` : `env ${source.variable}`;
}

function readConfigFile(
  path: string,
  required: boolean,
  warnings: string[],
): { values: ConfigFile } | undefined {
  let text: string;
  let mode: number;
  try {
    text = readFileSync(path, 'utf8');
    mode = statSync(path).mode;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return undefined;
    throw new ConfigError({
      origin: path,
      field: '',
      expected: 'a readable JSON config file',
      got: code ?? String(error),
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError({ origin: path, field: '', expected: 'valid JSON', got: (error as Error).message });
  }
  const result = v.safeParse(configFileSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const field = issue ? (v.getDotPath(issue) ?? '') : '';
    throw new ConfigError({
      origin: path,
      field,
      expected: issue?.expected ? describeExpected(issue) : 'a known field',
      got: issue?.received ?? 'an invalid value',
    });
  }
  // A secret in a file anyone can read is a leak waiting to happen; say so, but do not refuse.
  if (result.output.token?.secret !== undefined && (mode & 0o004) !== 0) {
    warnings.push(
      `${path} holds the token secret and is world-readable (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
    );
  }
  return { values: result.output };
}

function describeExpected(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'no such field (unknown key)';
  return issue.expected ?? issue.message;
}

function resolveSecret(
  env: LoadConfigOptions['env'],
  file: ConfigFile,
  path: string,
  sources: Record<string, ValueSource>,
  warnings: string[],
): Secret | undefined {
  const envSecret = nonEmpty(env[ENV.tokenSecret]);
  const envSecretFile = nonEmpty(env[ENV.tokenSecretFile]);
  if (envSecret !== undefined && envSecretFile !== undefined) {
    throw new ConfigError({
      origin: 'environment',
      field: `${ENV.tokenSecret} / ${ENV.tokenSecretFile}`,
      expected: 'only one of the two',
      got: 'both',
    });
  }
  if (envSecret !== undefined) {
    sources['token.secret'] = { kind: 'env', variable: ENV.tokenSecret };
    return new Secret(envSecret);
  }
  if (envSecretFile !== undefined) {
    sources['token.secret'] = { kind: 'env', variable: ENV.tokenSecretFile };
    return readSecretFile(envSecretFile, `environment ${ENV.tokenSecretFile}`, warnings);
  }
  const { secret, secretFile } = file.token ?? {};
  if (secret !== undefined && secretFile !== undefined) {
    throw new ConfigError({
      origin: path,
      field: 'token',
      expected: 'secret or secretFile, not both',
      got: 'both',
    });
  }
  if (secret !== undefined) {
    sources['token.secret'] = { kind: 'file', path };
    return new Secret(secret);
  }
  if (secretFile !== undefined) {
    sources['token.secret'] = { kind: 'file', path };
    return readSecretFile(secretFile, `${path}: token.secretFile`, warnings);
  }
  return undefined;
}

function readSecretFile(secretPath: string, origin: string, warnings: string[]): Secret {
  let text: string;
  try {
    text = readFileSync(secretPath, 'utf8');
    if ((statSync(secretPath).mode & 0o004) !== 0) {
      warnings.push(`the token secret file ${secretPath} is world-readable; run: chmod 600 ${secretPath}`);
    }
  } catch (error) {
    throw new ConfigError({
      origin,
      field: '',
      expected: `a readable file holding the token secret (${secretPath})`,
      got: (error as NodeJS.ErrnoException).code ?? 'an unreadable file',
    });
  }
  // Files written with `echo` end in a newline that is not part of the secret.
  const value = text.trim();
  if (value === '' || /\s/.test(value)) {
    throw new ConfigError({
      origin,
      field: '',
      expected: `one line holding the token secret in ${secretPath}`,
      got: value === '' ? 'an empty file' : 'whitespace inside the value',
    });
  }
  return new Secret(value);
}

function resolveTls(
  env: LoadConfigOptions['env'],
  file: ConfigFile,
  path: string,
  sources: Record<string, ValueSource>,
): AgentConfig['tls'] {
  const envFingerprint = nonEmpty(env[ENV.tlsFingerprint]);
  const envCaFile = nonEmpty(env[ENV.tlsCaFile]);
  if (envFingerprint !== undefined && envCaFile !== undefined) {
    throw new ConfigError({
      origin: 'environment',
      field: `${ENV.tlsFingerprint} / ${ENV.tlsCaFile}`,
      expected: 'only one of the two',
      got: 'both',
    });
  }
  // The environment replaces the file's TLS choice as a whole: a pin and a CA never mix.
  let fingerprint: string | undefined;
  let caFile: string | undefined;
  if (envFingerprint !== undefined || envCaFile !== undefined) {
    fingerprint = envFingerprint;
    caFile = envCaFile;
    sources.tls = {
      kind: 'env',
      variable: envFingerprint !== undefined ? ENV.tlsFingerprint : ENV.tlsCaFile,
    };
  } else if (file.tls) {
    ({ fingerprint, caFile } = file.tls);
    if (fingerprint !== undefined && caFile !== undefined) {
      throw new ConfigError({
        origin: path,
        field: 'tls',
        expected: 'fingerprint or caFile, not both',
        got: 'both',
      });
    }
    if (fingerprint !== undefined || caFile !== undefined) sources.tls = { kind: 'file', path };
  }
  if (fingerprint !== undefined) return { fingerprint };
  if (caFile !== undefined) {
    try {
      return { caFile, ca: readFileSync(caFile, 'utf8') };
    } catch (error) {
      throw new ConfigError({
        origin: originOf(sources.tls),
        field: 'tls.caFile',
        expected: `a readable PEM file (${caFile})`,
        got: (error as NodeJS.ErrnoException).code ?? 'an unreadable file',
      });
    }
  }
  sources.tls = { kind: 'default' };
  return undefined;
}

function checkBaseUrl(baseUrl: string, source: ValueSource | undefined): void {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') {
    throw new ConfigError({
      origin: originOf(source),
      field: 'baseUrl',
      expected: 'an https:// URL such as https://pve.example.com:8006',
      got: JSON.stringify(baseUrl),
    });
  }
}

function parsePositiveInteger(variable: string, raw: string): number {
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError({
      origin: `environment ${variable}`,
      field: '',
      expected: 'a positive integer (milliseconds)',
      got: JSON.stringify(raw),
    });
  }
  return value;
}

function parseEnum<const T extends string>(variable: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError({
    origin: `environment ${variable}`,
    field: '',
    expected: `one of ${allowed.join(', ')}`,
    got: JSON.stringify(raw),
  });
}

function useDefault<T>(sources: Record<string, ValueSource>, field: string, value: T): T {
  sources[field] = { kind: 'default' };
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
