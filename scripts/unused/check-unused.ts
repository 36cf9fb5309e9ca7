/**
 * Unused files, exports, types and dependencies (docs/ci.md, "knip"): runs knip with the
 * repository's knip.jsonc and fails on any finding not listed in scripts/known-issues.ts.
 *
 *   npx tsx scripts/unused/check-unused.ts
 */
import { join } from 'node:path';
import { triage } from '../known-issues.js';
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
const { failures, known, resolved } = triage('knip', findings);
for (const issue of known) console.warn(`known issue (tolerated): ${issue}`);
for (const pattern of resolved)
  console.warn(`known issue no longer occurs, delete it from known-issues.ts: /${pattern}/`);
if (failures.length > 0) {
  console.error(`\n${failures.length} unused item(s):\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('knip: no unused files, exports, types or dependencies beyond the known issues');
}
