import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Ran, run, runOrThrow } from './run.js';

/**
 * npm as a new user on a fresh machine would run it: one registry, an empty cache of its own, no
 * settings from the machine's ~/.npmrc.
 */
export interface NpmClient {
  /** The registry every package comes from (`--registry`). */
  readonly registry: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A client for `registry` whose cache and user config live under `directory` (both new). */
export function freshNpmClient(registry: string, directory: string): NpmClient {
  const cache = join(directory, 'cache');
  mkdirSync(cache, { recursive: true });
  const userconfig = join(directory, 'npmrc');
  writeFileSync(userconfig, 'update-notifier=false\nfund=false\naudit=false\nloglevel=error\n');
  return {
    registry,
    env: {
      ...withoutPackageManagerSettings(process.env),
      npm_config_cache: cache,
      npm_config_userconfig: userconfig,
    },
  };
}

/**
 * The environment without what a package manager running this script exports (`npm_config_*`,
 * `npm_package_*`, `npm_lifecycle_*`, …): pnpm's settings are not a new user's, and npm warns
 * about the ones it does not know.
 */
function withoutPackageManagerSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

/** Runs `npm`/`npx` (`command`) with the client's settings and `--registry`. */
export function npmRun(client: NpmClient, command: 'npm' | 'npx', args: readonly string[], cwd: string): Ran {
  return run(command, ['--registry', client.registry, ...args], cwd, client.env);
}

/** As {@link npmRun}, for a step that must succeed. */
export function npmRunOrThrow(
  client: NpmClient,
  command: 'npm' | 'npx',
  args: readonly string[],
  cwd: string,
): string {
  return runOrThrow(command, ['--registry', client.registry, ...args], cwd, client.env);
}
