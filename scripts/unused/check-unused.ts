/**
 * Unused files, exports, types and dependencies (docs/ci.md, "knip"): runs knip with the
 * repository's knip.jsonc and fails on any finding.
 *
 *   npx tsx scripts/unused/check-unused.ts
 */
import { join } from 'node:path';
import { run } from '../packaging/run.js';
import { repositoryRoot } from '../structure/repository.js';
import { knipFindings } from './knip-findings.js';

const knip = join(repositoryRoot, 'node_modules', 'knip', 'bin', 'knip.js');
const result = run(process.execPath, [knip, '--reporter', 'json', '--no-progress'], repositoryRoot);
let findings: string[];
try {
  findings = knipFindings(JSON.parse(result.stdout));
} catch {
  console.error(`knip exited ${result.status} without a report:\n${result.stdout}${result.stderr}`);
  process.exit(1);
}
if (findings.length > 0) {
  console.error(`\n${findings.length} unused item(s):\n${findings.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('knip: no unused files, exports, types or dependencies');
}
