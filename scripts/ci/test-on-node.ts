/**
 * Runs the whole test suite on another Node.js major, fetched from the npm registry:
 * `tsx scripts/ci/test-on-node.ts 22.23.3 [vitest args…]`. The type tests run only on the
 * machine's Node (scripts/ci/registry-node.ts says why).
 */
import { spawnSync } from 'node:child_process';
import { repositoryRoot } from '../structure/repository.js';
import { otherNodeSettings, registryNode, vitestArguments } from './registry-node.js';

const [version = '', ...vitestArgs] = process.argv.slice(2);
let node: ReturnType<typeof registryNode>;
try {
  node = registryNode(version);
} catch (error) {
  console.error(
    `usage: tsx scripts/ci/test-on-node.ts <exact node version> [vitest args…]: ${(error as Error).message}`,
  );
  process.exit(2);
}
console.log(`== tests on node v${node.version} (${node.execPath})`);
const run = spawnSync(node.execPath, vitestArguments(vitestArgs), {
  cwd: repositoryRoot,
  env: { ...node.env, ...otherNodeSettings },
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
