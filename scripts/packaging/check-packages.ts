/**
 * The packages as consumers get them (docs/ci.md, "packages"): packs each workspace package with
 * pnpm and checks the tarballs (publint, "Are the types wrong?", runtime dependencies); publishes
 * all of them with `pnpm publish` to a local npm registry (verdaccio on 127.0.0.1); then, from
 * that registry only: `npx felhom-agent --version` and `selftest --demo` in an empty folder with
 * an empty npm cache, `@felhom/proxmox` in a default `npm init` project through `import` and
 * `require()`, a TypeScript consumer compiled under `nodenext` and `bundler`, and the documented
 * host install into a root-owned prefix run as a service user. Prints how long each part took.
 * Needs a build first (`pnpm run build`). Exits 1 on any problem.
 *
 *   npx tsx scripts/packaging/check-packages.ts        (FELHOM_KEEP_PACKAGES=1 keeps the temp dir)
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedPackageDirectories, repositoryRoot } from '../structure/repository.js';
import { checkConsumer } from './consumer.js';
import { checkLibraryConsumer } from './footprint.js';
import { checkHostInstall } from './host-install.js';
import { attwProblems, publintProblems } from './lint-package.js';
import { type LocalRegistry, startLocalRegistry } from './local-registry.js';
import { freshNpmClient } from './npm-client.js';
import { checkNpxFlow } from './npx-flow.js';
import { publishFelhomAgentAs, publishWorkspace } from './publish.js';
import { packageImportsOf, runtimeDependencyProblems } from './runtime-dependencies.js';
import { type PackedPackage, packPackage } from './tarball.js';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'felhom-packages-'));
const problems: string[] = [];
const lines: string[] = [];
const timings: string[] = [];
let registry: LocalRegistry | undefined;

/** Runs one part of the stage and records how long it took. */
async function part<T>(name: string, body: () => T | Promise<T>): Promise<T> {
  const before = performance.now();
  try {
    return await body();
  } finally {
    timings.push(`${name.padEnd(34)} ${((performance.now() - before) / 1000).toFixed(1).padStart(5)} s`);
  }
}

try {
  const packed: PackedPackage[] = await part('pack and lint the tarballs', async () => {
    const all = publishedPackageDirectories.map((directory) =>
      packPackage(join(repositoryRoot, 'packages', directory), join(work, 'tarballs')),
    );
    lines.push('| package | packed | unpacked | files |', '|---|---|---|---|');
    for (const pkg of all) {
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
          all.map((sibling) => sibling.manifest),
        ),
      );
      problems.push(...(await publintProblems(pkg)));
      problems.push(...attwProblems(pkg, repositoryRoot));
    }
    return all;
  });
  const version = packed.find((pkg) => pkg.manifest.name === 'felhom-agent')?.manifest.version ?? '?';

  const local = await part('start the local registry', () => startLocalRegistry(join(work, 'registry')));
  registry = local;
  lines.push('', `local registry: verdaccio at ${local.url}`);
  await part('pnpm -r publish (4 packages)', () => publishWorkspace(repositoryRoot, local));

  // One new npm user: an empty cache and no settings, everything from the local registry.
  const client = freshNpmClient(local.url, join(work, 'npm-user'));
  const report = (result: { problems: readonly string[]; notes: readonly string[] }) => {
    problems.push(...result.problems);
    lines.push(...result.notes);
  };
  lines.push('');
  report(
    await part('npx felhom-agent (empty cache)', () =>
      checkNpxFlow(client, join(work, 'npx-empty'), version),
    ),
  );
  const library = await part('npm init project: import, require()', () =>
    checkLibraryConsumer(client, join(work, 'library'), version),
  );
  report(library);
  lines.push(
    `install footprint of @felhom/proxmox: ${library.footprint.dependencies.length} dependencies ` +
      `(${library.footprint.dependencies.join(', ')}); node_modules ${kib(library.footprint.totalBytes)}, ` +
      `of which @felhom/proxmox ${kib(library.footprint.ownBytes)}`,
  );
  report(await part('TypeScript consumer', () => checkConsumer(join(work, 'consumer'), local.url, version)));
  report(
    await part('host install as a service user', () =>
      checkHostInstall(client, work, {
        version,
        publishNext: () => {
          const next = version.replace(/\d+$/, (patch) => String(Number(patch) + 1));
          publishFelhomAgentAs(join(repositoryRoot, 'packages', 'felhom-agent'), work, local, next, version);
          return next;
        },
      }),
    ),
  );
} catch (error) {
  problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await registry?.stop();
  if (process.env.FELHOM_KEEP_PACKAGES === undefined) {
    chmodSync(work, 0o700);
    rmSync(work, { recursive: true, force: true });
  } else lines.push('', `kept ${work}`);
}

console.log(lines.join('\n'));
console.log(`\n${timings.join('\n')}`);
console.log(`packages checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (problems.length > 0) {
  console.error(`\n${problems.length} packaging problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(
    'packages: no problems (publint, attw --profile esm-only, runtime dependencies, registry installs, host install)',
  );
}
