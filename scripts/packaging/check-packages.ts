/**
 * The packages as consumers get them (docs/ci.md, "packages"): packs each workspace package with
 * pnpm, checks the tarballs with publint and "Are the types wrong?", checks that the runtime
 * dependencies are exactly what the built code imports, installs the three tarballs into a
 * consumer project outside the workspace, compiles and runs it against the simulated host, runs
 * the installed `felhom-agent`, and measures what installing `@felhom/proxmox` brings along.
 * Needs a build first (`pnpm run build`). Exits 1 on any problem.
 *
 *   npx tsx scripts/packaging/check-packages.ts        (FELHOM_KEEP_PACKAGES=1 keeps the temp dir)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageDirectories, repositoryRoot } from '../structure/repository.js';
import { checkConsumer } from './consumer.js';
import { measureFootprint } from './footprint.js';
import { attwProblems, publintProblems } from './lint-package.js';
import { packageImportsOf, runtimeDependencyProblems } from './runtime-dependencies.js';
import { type PackedPackage, packPackage } from './tarball.js';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'felhom-packages-'));
const problems: string[] = [];
const lines: string[] = [];

try {
  const packed: PackedPackage[] = packageDirectories.map((directory) =>
    packPackage(join(repositoryRoot, 'packages', directory), join(work, 'tarballs')),
  );
  lines.push('| package | packed | unpacked | files |', '|---|---|---|---|');
  for (const pkg of packed) {
    lines.push(
      `| ${pkg.manifest.name} | ${kib(pkg.packedBytes)} | ${kib(pkg.unpackedBytes)} | ${pkg.files.length} |`,
    );
    const built = pkg.files.filter((file) => /\.(?:js|mjs|d\.ts)$/.test(file));
    const imported = new Map(
      built.map(
        (file) => [file, packageImportsOf(file, readFileSync(join(pkg.unpacked, file), 'utf8'))] as const,
      ),
    );
    problems.push(
      ...runtimeDependencyProblems(
        pkg.manifest,
        imported,
        packed.map((sibling) => sibling.manifest),
      ),
    );
    problems.push(...(await publintProblems(pkg)));
    problems.push(...attwProblems(pkg, repositoryRoot));
  }

  const consumer = checkConsumer(join(work, 'consumer'), packed);
  problems.push(...consumer.problems);
  lines.push('', ...consumer.notes);

  const proxmox = packed.find((pkg) => pkg.manifest.name === '@felhom/proxmox');
  if (proxmox !== undefined) {
    const footprint = measureFootprint(join(work, 'footprint'), proxmox);
    lines.push(
      '',
      `install footprint of @felhom/proxmox: ${footprint.dependencies.length} dependencies ` +
        `(${footprint.dependencies.join(', ')}); node_modules ${kib(footprint.totalBytes)}, ` +
        `of which @felhom/proxmox ${kib(footprint.ownBytes)}`,
    );
  }
} catch (error) {
  problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  if (process.env.FELHOM_KEEP_PACKAGES === undefined) rmSync(work, { recursive: true, force: true });
  else lines.push('', `kept ${work}`);
}

console.log(lines.join('\n'));
console.log(`\npackages checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (problems.length > 0) {
  console.error(`\n${problems.length} packaging problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('packages: no problems (publint, attw --profile esm-only, runtime dependencies, consumer)');
}
