/**
 * Runs the whole test suite with the system clock shifted, to prove that no test depends on the
 * calendar: `tsx scripts/ci/test-shifted-clock.ts [--node <version>] [offset] [vitest args…]`,
 * offset `+400 days` by default (any relative time `date -d` reads: `-1000 days`, `+30 days`,
 * …). With `--node`, the suite runs on that exact Node from the npm registry (fetched before the
 * clock is shifted), without the type tests (scripts/ci/registry-node.ts says why).
 *
 * libfaketime (Debian's `faketime` package) shifts the wall clock of the process tree: Node's
 * `Date`, OpenSSL's certificate checks, `openssl req`, `date`. Monotonic clocks stay real
 * (`FAKETIME_DONT_FAKE_MONOTONIC=1`): timers and `performance.now()` keep working as they do.
 * setuid programs (sudo) drop the preload and see the real time, as they should.
 */
import { spawnSync } from 'node:child_process';
import { repositoryRoot } from '../structure/repository.js';
import { otherNodeSettings, registryNode, vitestArguments } from './registry-node.js';

const DAY_MS = 86_400_000;
const args = process.argv.slice(2);
const nodeFlag = args[0] === '--node' ? args.splice(0, 2)[1] : undefined;
const [offset = '+400 days', ...vitestArgs] = args;
const node =
  nodeFlag === undefined
    ? { execPath: process.execPath, env: process.env, extra: {} }
    : { ...registryNode(nodeFlag), extra: otherNodeSettings };
const env = { ...node.env, ...node.extra, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
const shifted = (command: string, commandArgs: readonly string[], inherit: boolean) =>
  spawnSync('faketime', [offset, command, ...commandArgs], {
    cwd: repositoryRoot,
    env,
    stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });

// Prove the shift took before relying on it: a clock that silently stayed put would pass for the
// wrong reason.
const before = Date.now();
const probe = shifted(node.execPath, ['-p', 'process.version + " " + Date.now()'], false);
if (probe.error !== undefined) {
  console.error(
    `faketime did not start (${probe.error.message}); install Debian's faketime package: apt-get install faketime`,
  );
  process.exit(1);
}
if (probe.status !== 0) {
  console.error(`faketime '${offset}' could not run node: ${probe.stderr.trim()}`);
  process.exit(1);
}
const [version, reading] = probe.stdout.trim().split(' ');
const shiftDays = (Number(reading) - before) / DAY_MS;
if (!Number.isFinite(shiftDays) || Math.abs(shiftDays) < 1) {
  console.error(`faketime '${offset}' did not shift Node's clock (node read ${probe.stdout.trim()})`);
  process.exit(1);
}
console.log(
  `== tests on node ${version} with the clock shifted by ${offset}: Node reads ${new Date(Number(reading)).toISOString()}`,
);

const run = shifted(node.execPath, vitestArguments(vitestArgs), true);
process.exitCode = run.status ?? 1;
