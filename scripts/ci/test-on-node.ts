/**
 * Runs the whole test suite on another Node.js major, fetched from the npm registry (the `node`
 * package ships the binary): `tsx scripts/ci/test-on-node.ts 22.23.3 [vitest args…]`.
 *
 * npx keeps that binary in its cache. The default cache is under /root, which the service user
 * of the real-sudo tests cannot reach when it runs that Node through sudo; a cache under the temp
 * folder can be reached.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../structure/repository.js';

const [version, ...vitestArgs] = process.argv.slice(2);
if (version === undefined || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error('usage: tsx scripts/ci/test-on-node.ts <exact node version, e.g. 22.23.3> [vitest args…]');
  process.exit(2);
}
const env = {
  ...process.env,
  npm_config_cache: join(tmpdir(), 'felhom-npx-cache'),
  npm_config_update_notifier: 'false',
};
const node = (args: readonly string[]) =>
  spawnSync('npx', ['-y', '-p', `node@${version}`, '--', 'node', ...args], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });

// Prove which Node runs the suite before running it: a silent fallback to the machine's Node would pass for the wrong reason.
const probe = node(['-p', 'process.version + " " + process.execPath']);
const [actual, execPath] = probe.stdout.trim().split(' ');
if (probe.status !== 0 || actual !== `v${version}`) {
  console.error(`expected node v${version}, got ${probe.stdout.trim() || `exit ${probe.status}`}`);
  process.exit(1);
}
console.log(`== tests on node ${actual} (${execPath})`);
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  'npx',
  [
    '-y',
    '-p',
    `node@${version}`,
    '--',
    'node',
    vitest,
    'run',
    '--config',
    'vitest.workspace.ts',
    ...vitestArgs,
  ],
  { cwd: repositoryRoot, env, stdio: 'inherit' },
);
process.exitCode = run.status ?? 1;
