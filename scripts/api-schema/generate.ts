/**
 * Generates packages/proxmox/src/api/generated/ from Proxmox's API schema trees in data/pve-api
 * (PVE 8.4, 9.0, 9.1): the endpoint types and the runtime table.
 *
 *   pnpm run generate:api           # writes the files
 *   pnpm run generate:api:check     # regenerates in memory; fails when a file differs
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitTable } from './emit-table.js';
import { emitTypes } from './emit-types.js';
import { mergeTrees } from './merge.js';
import { loadTrees, repositoryRoot } from './trees.js';

const outDir = join(repositoryRoot, 'packages', 'proxmox', 'src', 'api', 'generated');

/** Every generated file: name → text. */
export function generateFiles(): Map<string, string> {
  const endpoints = mergeTrees(loadTrees());
  const files = emitTable(endpoints);
  files.set('endpoint-types.ts', emitTypes(endpoints));
  return files;
}

function check(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, text] of files) {
    const file = join(outDir, name);
    if (!existsSync(file)) problems.push(`${name} is missing`);
    else if (readFileSync(file, 'utf8') !== text)
      problems.push(`${name} differs from what the generator writes`);
  }
  const extra = existsSync(outDir) ? readdirSync(outDir).filter((name) => !files.has(name)) : [];
  for (const name of extra) problems.push(`${name} is not written by the generator`);
  return problems;
}

const started = performance.now();
const files = generateFiles();
if (process.argv.includes('--check')) {
  const problems = check(files);
  if (problems.length > 0) {
    console.error(
      `packages/proxmox/src/api/generated is out of date (run \`pnpm run generate:api\`):\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(
    `generated API up to date (${files.size} files, ${(performance.now() - started).toFixed(0)} ms)`,
  );
} else {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(`wrote ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB, to ${outDir}`);
}
