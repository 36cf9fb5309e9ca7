/**
 * A Node.js binary of an exact version, fetched from the npm registry (the `node` package ships
 * the binary) through npx, and the environment to run the test suite with it.
 *
 * npx keeps that binary in its cache. The default cache is under /root, which the service user
 * of the real-sudo tests cannot reach when it runs that Node through sudo; a cache under the temp
 * folder can be reached.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { repositoryRoot } from '../structure/repository.js';

/** A Node binary and the environment that puts it first on PATH. */
export interface RegistryNode {
  readonly version: string;
  readonly execPath: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Fetches (or finds in the cache) Node `version` and proves it is that version: a silent
 * fallback to the machine's Node would let a stage pass for the wrong reason.
 * @throws {Error} when the version is malformed or npx hands back another Node.
 */
export function registryNode(version: string): RegistryNode {
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(`expected an exact node version such as 22.23.3, got ${version}`);
  const npxEnv = {
    ...process.env,
    npm_config_cache: join(tmpdir(), 'felhom-npx-cache'),
    npm_config_update_notifier: 'false',
  };
  const probe = spawnSync(
    'npx',
    ['-y', '-p', `node@${version}`, '--', 'node', '-p', 'process.version + " " + process.execPath'],
    { cwd: repositoryRoot, env: npxEnv, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  const [actual, execPath] = probe.stdout.trim().split(' ');
  if (probe.status !== 0 || actual !== `v${version}` || execPath === undefined) {
    throw new Error(
      `expected node v${version} from the registry, got ${probe.stdout.trim() || `exit ${probe.status}`}`,
    );
  }
  // Child processes that start `node` by name get this one too, as under `npx -p node@… --`.
  const env = { ...npxEnv, PATH: `${dirname(execPath)}${delimiter}${process.env.PATH ?? ''}` };
  return { version, execPath, env };
}

/** The Vitest command line of the whole suite, for a given Node binary. */
export function vitestArguments(extra: readonly string[]): string[] {
  return [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.workspace.ts', ...extra];
}

/**
 * The settings of the suite's runs on other Node versions, which are there for the runtime and
 * the clock. The type tests (`*.test-d.ts`, and the compile of every generated endpoint) check
 * types, which do not depend on the Node that runs them: they run in `test:node20` (and `tsc`
 * checks them in `typecheck`); the other runs skip them. The property tests search the same
 * properties on every Node, so the other runs make a tenth of their runs
 * (test-support/property-runs.ts).
 */
export const otherNodeSettings = { FELHOM_TYPE_TESTS: 'off', FELHOM_PROPERTY_SCALE: '0.1' } as const;
