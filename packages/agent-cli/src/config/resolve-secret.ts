import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from './config-error.js';
import type { ConfigFile } from './schema.js';
import { Secret } from './secret.js';
import { ENV, type Environment, nonEmpty, type ValueSource } from './sources.js';

/**
 * The token secret: `FELHOM_AGENT_TOKEN_SECRET` or `…_SECRET_FILE`, else the file's
 * `token.secret` or `token.secretFile`; both of a pair is an error. Records the source.
 */
export function resolveSecret(
  env: Environment,
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
