import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runOrThrow } from './run.js';

const fixture = fileURLToPath(new URL('./consumer', import.meta.url));

/** Exact versions the consumer installs from the registry (the same the workspace builds with). */
const consumerDependencies = { selfsigned: '5.5.0' };
const consumerDevDependencies = { typescript: '5.9.3', '@types/node': '20.19.43' };

/**
 * Writes a TypeScript consumer project into `directory`: `@felhom/*` at `version` from the local
 * registry (the scope is pointed there), the compiler and typings from npm's usual registry and
 * cache, which keeps this project quick.
 */
function writeConsumer(directory: string, registry: string, version: string): void {
  mkdirSync(directory, { recursive: true });
  const manifest = {
    name: 'felhom-consumer',
    version: '0.0.0',
    private: true,
    type: 'module',
    dependencies: {
      '@felhom/proxmox': version,
      '@felhom/privileged': version,
      ...consumerDependencies,
    },
    devDependencies: consumerDevDependencies,
  };
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const npmrc = [`@felhom:registry=${registry}`, 'fund=false', 'audit=false', 'update-notifier=false', ''];
  writeFileSync(join(directory, '.npmrc'), npmrc.join('\n'));
}

/** What the consumer run showed. */
export interface ConsumerResult {
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

interface ConsumerOutput {
  readonly version?: unknown;
  readonly wrongPin?: unknown;
  readonly upidNode?: unknown;
  readonly sudoers?: unknown;
  readonly privilegedRefusal?: unknown;
  readonly recordingRunner?: unknown;
  readonly defaultHelperPath?: unknown;
}

/**
 * Installs the published `@felhom/proxmox` and `@felhom/privileged` into a project outside the
 * workspace, compiles consumer/main.ts under `nodenext` and `bundler`, and runs it against the
 * simulated host.
 */
export function checkConsumer(directory: string, registry: string, version: string): ConsumerResult {
  const problems: string[] = [];
  const notes: string[] = [];
  writeConsumer(directory, registry, version);
  cpSync(fixture, directory, { recursive: true });
  runOrThrow('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], directory);
  const tsc = join(directory, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const config of ['tsconfig.nodenext.json', 'tsconfig.bundler.json']) {
    const compiled = run(process.execPath, [tsc, '-p', config], directory);
    if (compiled.status !== 0)
      problems.push(`consumer: tsc -p ${config} failed\n${compiled.stdout}${compiled.stderr}`);
    else notes.push(`consumer: compiled under ${config}`);
  }
  if (problems.length > 0) return { problems, notes };

  const ran = run(process.execPath, ['out/main.js'], directory);
  let output: ConsumerOutput = {};
  try {
    output = JSON.parse(ran.stdout.trim().split('\n').at(-1) ?? '') as ConsumerOutput;
  } catch {
    problems.push(`consumer: main.js exited ${ran.status} without its report\n${ran.stdout}${ran.stderr}`);
  }
  const expected: ConsumerOutput = {
    wrongPin: 'tls',
    upidNode: 'pve1',
    sudoers: 'unsafe-install',
    privilegedRefusal: 'invalid-input',
    recordingRunner: 0,
    defaultHelperPath: process.geteuid?.() === 0 ? 'none' : 'unsafe-install',
  };
  for (const [key, value] of Object.entries(expected)) {
    if (output[key as keyof ConsumerOutput] !== value && ran.status === 0) {
      problems.push(
        `consumer: ${key} was ${JSON.stringify(output[key as keyof ConsumerOutput])}, expected ${JSON.stringify(value)}`,
      );
    }
  }
  if (typeof output.version !== 'string') problems.push('consumer: GET /version returned no version');
  else
    notes.push(
      `consumer: GET /version through a pinned client → ${output.version}; a wrong pin → reason 'tls'`,
    );
  return { problems, notes };
}
