import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runOrThrow } from './run.js';
import type { PackedPackage } from './tarball.js';

const fixture = fileURLToPath(new URL('./consumer', import.meta.url));

/** Exact versions the consumer installs from the registry (the same the workspace builds with). */
const consumerDependencies = { selfsigned: '5.5.0' };
const consumerDevDependencies = { typescript: '5.9.3', '@types/node': '20.19.43' };

/**
 * npm settings for the consumer: our scope points at a closed port, so `@felhom/*` can only come
 * from the tarballs (a lookup would fail the install), while their dependencies come from the
 * registry as usual.
 */
const npmrc = [
  '@felhom:registry=http://127.0.0.1:9/',
  'fund=false',
  'audit=false',
  'update-notifier=false',
  '',
].join('\n');

/** Writes a consumer project into `directory` depending on `packages` by their tarballs. */
export function writeConsumer(
  directory: string,
  packages: readonly PackedPackage[],
  extra: Readonly<Record<string, string>> = {},
  devDependencies: Readonly<Record<string, string>> = {},
): void {
  mkdirSync(directory, { recursive: true });
  const tarballs = Object.fromEntries(
    packages.map((packed) => [packed.manifest.name, `file:${packed.tarball}`]),
  );
  // A package that depends on a sibling (`@felhom/agent-cli` → `@felhom/proxmox@0.1.0`) gets the tarball too.
  const overrides = Object.fromEntries(
    packages.map((packed) => [packed.manifest.name, `$${packed.manifest.name}`]),
  );
  const manifest = {
    name: 'felhom-consumer',
    version: '0.0.0',
    private: true,
    type: 'module',
    dependencies: { ...tarballs, ...extra },
    devDependencies,
    overrides,
  };
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(directory, '.npmrc'), npmrc);
}

/** npm install in `directory`, with the consumer's own cache-friendly settings. */
export function npmInstall(directory: string): void {
  runOrThrow('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], directory);
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
 * Installs the three tarballs into a project in `directory` (outside the workspace), compiles
 * consumer/main.ts under `nodenext` and `bundler`, runs it against the simulated host, and runs
 * the installed `felhom-agent` bin.
 */
export function checkConsumer(directory: string, packages: readonly PackedPackage[]): ConsumerResult {
  const problems: string[] = [];
  const notes: string[] = [];
  writeConsumer(directory, packages, consumerDependencies, consumerDevDependencies);
  cpSync(fixture, directory, { recursive: true });
  npmInstall(directory);
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

  const bin = (args: string[]) => run('npx', ['--no-install', 'felhom-agent', ...args], directory);
  const version = bin(['--version']);
  const expectedVersion = packages.find((packed) => packed.manifest.name === '@felhom/agent-cli')?.manifest
    .version;
  if (version.status !== 0 || !version.stdout.includes(`felhom-agent ${expectedVersion ?? '?'}`)) {
    problems.push(
      `consumer: npx felhom-agent --version exited ${version.status}: ${version.stdout}${version.stderr}`,
    );
  } else {
    notes.push(`consumer: npx felhom-agent --version → ${version.stdout.trim()}`);
  }
  // `selftest` lands in the CLI separately; once `--help` lists it, the demo must pass too.
  const help = bin(['--help']);
  if (/^\s+selftest\b/m.test(help.stdout)) {
    const demo = bin(['selftest', '--demo']);
    if (demo.status !== 0)
      problems.push(
        `consumer: npx felhom-agent selftest --demo exited ${demo.status}\n${demo.stdout}${demo.stderr}`,
      );
    else notes.push('consumer: npx felhom-agent selftest --demo passed');
  } else {
    notes.push('consumer: felhom-agent --help lists no selftest command yet; selftest --demo not run');
  }
  return { problems, notes };
}
