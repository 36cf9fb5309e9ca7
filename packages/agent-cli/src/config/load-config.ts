import { readFileSync, statSync } from 'node:fs';
import * as v from 'valibot';
import type { AgentConfig } from './agent-config.js';
import { clientOptionProblems } from './client-options.js';
import { ConfigError } from './config-error.js';
import { ConfigProblems } from './config-problems.js';
import { InvalidConfigError } from './invalid-config-error.js';
import { jsonErrorOffset, lineAndColumn } from './json-error-position.js';
import { resolveSecret } from './resolve-secret.js';
import { resolveTls } from './resolve-tls.js';
import { type ConfigFile, configFileSchema } from './schema.js';
import { ENV, type Environment, nonEmpty, originOf, type ValueSource } from './sources.js';
import { unknownVariableWarnings } from './unknown-variables.js';

/** Where the config file is looked for when neither `--config` nor `FELHOM_AGENT_CONFIG` is given. */
export const DEFAULT_CONFIG_PATH = '/etc/felhom/agent.json';

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
  readonly env: Environment;
  /** The path tried when no file is named; it may be absent. @default DEFAULT_CONFIG_PATH */
  readonly defaultConfigPath?: string;
  /** `--timeout MS`: wins over the environment and the file. */
  readonly requestTimeoutMs?: number | undefined;
}

const DEFAULTS = { privilegedMode: 'sudo', requestTimeoutMs: 30_000, taskTimeoutMs: 600_000 } as const;

/**
 * The one validation of the agent's configuration, shared by `config check` and `selftest`: loads
 * the JSON config file, applies `FELHOM_AGENT_*` overrides (environment wins) and `--timeout`,
 * checks that everything needed to reach a host is present, and runs the API client's own option
 * checks on the result. Throws {@link InvalidConfigError} listing every problem, each naming the
 * file or variable, the field and what was expected.
 */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const { env } = options;
  const explicitPath = options.configPath ?? nonEmpty(env[ENV.config]);
  const path = explicitPath ?? options.defaultConfigPath ?? DEFAULT_CONFIG_PATH;
  const warnings: string[] = unknownVariableWarnings(env);
  const problems = new ConfigProblems();
  const file = problems.attempt('', () =>
    readConfigFile(path, explicitPath !== undefined, warnings, problems),
  );
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
      return problems.attempt(field, () => parse(raw));
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
  let requestTimeoutMs: number | undefined;
  if (options.requestTimeoutMs !== undefined) {
    sources['timeouts.requestMs'] = { kind: 'flag', flag: '--timeout' };
    requestTimeoutMs = options.requestTimeoutMs;
  } else {
    requestTimeoutMs =
      pick('timeouts.requestMs', ENV.requestTimeoutMs, fileValues.timeouts?.requestMs, (raw) =>
        parsePositiveInteger(ENV.requestTimeoutMs, raw),
      ) ?? useDefault(sources, 'timeouts.requestMs', DEFAULTS.requestTimeoutMs);
  }
  const taskTimeoutMs =
    pick('timeouts.taskMs', ENV.taskTimeoutMs, fileValues.timeouts?.taskMs, (raw) =>
      parsePositiveInteger(ENV.taskTimeoutMs, raw),
    ) ?? useDefault(sources, 'timeouts.taskMs', DEFAULTS.taskTimeoutMs);

  const tokenSecret = problems.attempt('token.secret', () =>
    resolveSecret(env, fileValues, path, sources, warnings),
  );
  const tls = problems.attempt('tls', () => resolveTls(env, fileValues, path, sources));

  const missing = (field: string, envName: string) =>
    new ConfigError({
      origin: file ? path : 'configuration',
      field,
      expected: `a value, from ${file ? 'the file' : `a config file (${path})`} or ${envName}`,
      got: 'nothing',
    });
  if (baseUrl === undefined && !problems.affects('baseUrl')) problems.add(missing('baseUrl', ENV.baseUrl));
  if (tokenId === undefined && !problems.affects('token.id')) problems.add(missing('token.id', ENV.tokenId));
  if (tokenSecret === undefined && !problems.affects('token.secret'))
    problems.add(missing('token.secret', `${ENV.tokenSecret} or ${ENV.tokenSecretFile}`));
  const url =
    baseUrl === undefined
      ? undefined
      : problems.attempt('baseUrl', () => checkBaseUrl(baseUrl, sources.baseUrl));

  // The client's checks (token id grammar, fingerprint form, …) on every value not yet refused.
  const unless = <T>(field: string, value: T): T | undefined => (problems.refused(field) ? undefined : value);
  for (const problem of clientOptionProblems(
    {
      baseUrl: unless('baseUrl', url),
      tokenId: unless('token.id', tokenId),
      tokenSecret: unless('token.secret', tokenSecret),
      tls: unless('tls', tls),
      requestTimeoutMs: unless('timeouts.requestMs', requestTimeoutMs),
    },
    sources,
  ))
    problems.add(problem);

  if (
    problems.list.length > 0 ||
    url === undefined ||
    tokenId === undefined ||
    tokenSecret === undefined ||
    requestTimeoutMs === undefined ||
    taskTimeoutMs === undefined
  )
    throw new InvalidConfigError(problems.list, warnings, file ? path : undefined);

  return {
    config: {
      baseUrl: url,
      tokenId,
      tokenSecret,
      tls,
      node,
      privilegedMode,
      requestTimeoutMs,
      taskTimeoutMs,
    },
    sources,
    file: file ? path : undefined,
    warnings,
  };
}

function readConfigFile(
  path: string,
  required: boolean,
  warnings: string[],
  problems: ConfigProblems,
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
  } catch {
    // The position only: JSON.parse's message can quote the file, and the file can hold the secret.
    throw new ConfigError({
      origin: path,
      field: '',
      expected: 'valid JSON',
      got: `a syntax error at ${lineAndColumn(text, jsonErrorOffset(text))}`,
    });
  }
  const result = validFileValues(json, path, problems);
  // A secret in a file anyone can read is a leak waiting to happen; say so, but do not refuse.
  if (result.token?.secret !== undefined && (mode & 0o004) !== 0) {
    warnings.push(
      `${path} holds the token secret and is world-readable (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
    );
  }
  return { values: result };
}

/**
 * The file's values checked against the schema. Every issue is recorded; the top-level fields
 * that hold one are dropped, so the rest of the file still counts and a dropped field is not
 * reported again as missing.
 */
function validFileValues(json: unknown, path: string, problems: ConfigProblems): ConfigFile {
  const result = v.safeParse(configFileSchema, json);
  if (result.success) return result.output;
  const dropped = new Set<string>();
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) ?? '';
    problems.add(
      new ConfigError({
        origin: path,
        field,
        expected: issue.expected ? describeExpected(issue) : 'a known field',
        got: issue.received,
      }),
    );
    dropped.add(field.split('.')[0] ?? '');
  }
  if (dropped.has('') || typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const rest = Object.fromEntries(Object.entries(json).filter(([key]) => !dropped.has(key)));
  const again = v.safeParse(configFileSchema, rest);
  return again.success ? again.output : {};
}

function describeExpected(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'no such field (unknown key)';
  return issue.expected ?? issue.message;
}

function checkBaseUrl(baseUrl: string, source: ValueSource | undefined): string {
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
  return baseUrl;
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
