import { readFileSync } from 'node:fs';
import type { AgentConfig } from './agent-config.js';
import { ConfigError } from './config-error.js';
import type { ConfigFile } from './schema.js';
import { ENV, type Environment, nonEmpty, originOf, type ValueSource } from './sources.js';

/**
 * How to check the certificate: a pin or a CA file from the environment (which replaces the
 * file's choice as a whole), else from the file, else the system CAs. Records the source.
 */
export function resolveTls(
  env: Environment,
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
