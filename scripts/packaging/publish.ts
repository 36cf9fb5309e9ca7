import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalRegistry } from './local-registry.js';
import { pnpmCommand, runOrThrow } from './run.js';

/**
 * Publishes every workspace package to `registry` the way a release does: `pnpm publish` from
 * the repository root (`-r`: all of them, dependencies first; pnpm turns `workspace:*` into the
 * real versions). Needs a build first.
 */
export function publishWorkspace(repositoryRoot: string, registry: LocalRegistry): string {
  const [pnpm, prefix] = pnpmCommand();
  return runOrThrow(
    pnpm,
    [...prefix, '-r', '--filter', './packages/*', 'publish', '--registry', registry.url, '--no-git-checks'],
    repositoryRoot,
    { ...process.env, npm_config_userconfig: registry.userconfig },
  );
}

/**
 * Publishes a copy of the `felhom-agent` package under another `version`, depending on the
 * published `@felhom/agent-cli` of `cliVersion`: the next release a host is upgraded to.
 */
export function publishFelhomAgentAs(
  packageDirectory: string,
  work: string,
  registry: LocalRegistry,
  version: string,
  cliVersion: string,
): void {
  const copy = join(work, `felhom-agent-${version}`);
  cpSync(packageDirectory, copy, {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  const manifestPath = join(copy, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  manifest.version = version;
  manifest.dependencies['@felhom/agent-cli'] = cliVersion;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  runOrThrow('npm', ['publish', '--registry', registry.url], copy, {
    ...process.env,
    npm_config_userconfig: registry.userconfig,
  });
}
