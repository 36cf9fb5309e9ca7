import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attwProblems, publintProblems } from '../packaging/lint-package.js';
import { runOrThrow } from '../packaging/run.js';
import { packageImportsOf, runtimeDependencyProblems } from '../packaging/runtime-dependencies.js';
import type { PackedPackage } from '../packaging/tarball.js';
import { repositoryRoot } from '../structure/repository.js';

/** Proof that the packaging check fails on the mistakes it exists for (the real run: scripts/packaging). */
const work = mkdtempSync(join(tmpdir(), 'felhom-packaging-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A tarball laid out like `npm pack` output, from the given files. */
function tarball(name: string, files: Readonly<Record<string, string>>): PackedPackage {
  const root = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'package', path, '..'), { recursive: true });
    writeFileSync(join(root, 'package', path), text);
  }
  const file = join(work, `${name}.tgz`);
  runOrThrow('tar', ['-czf', file, '-C', root, 'package'], work);
  const manifest = JSON.parse(files['package.json'] ?? '{}') as PackedPackage['manifest'];
  return {
    manifest,
    tarball: file,
    unpacked: join(root, 'package'),
    packedBytes: 0,
    unpackedBytes: 0,
    files: [],
  };
}

const manifest = (exports: unknown): string =>
  JSON.stringify({
    name: 'broken-example',
    version: '1.0.0',
    type: 'module',
    license: 'MIT',
    sideEffects: false,
    files: ['dist'],
    engines: { node: '>=20.19' },
    exports,
  });

describe('the packaging check refuses', () => {
  it('a package whose exports name a file it does not ship, or put types last (publint)', async () => {
    const broken = tarball('broken', {
      'package.json': manifest({ '.': { import: './dist/index.js', types: './dist/missing.d.ts' } }),
      'dist/index.js': 'export const answer = 42;\n',
    });
    const published = await publintProblems(broken);
    expect(published.join('\n')).toMatch(/types.*should be the first/i);
    expect(published.join('\n')).toMatch(/missing\.d\.ts.*does not exist/i);
  });

  it('types that describe another module format than the code (attw: masquerading as CommonJS)', () => {
    const masquerading = tarball('masquerading', {
      'package.json': manifest({ '.': { types: './dist/index.d.cts', import: './dist/index.js' } }),
      'dist/index.js': 'export const answer = 42;\n',
      'dist/index.d.cts': 'export declare const answer = 42;\n',
    });
    expect(attwProblems(masquerading, repositoryRoot)).toEqual([
      'attw broken-example: FalseCJS at ? (any resolution)',
    ]);
  });

  it('accepts a well-formed ESM-only package (the profile ignores only node10 and require())', async () => {
    const good = tarball('good', {
      'package.json': manifest({
        '.': { types: './dist/index.d.ts', import: './dist/index.js' },
        './package.json': './package.json',
      }),
      'dist/index.js': 'export const answer = 42;\n',
      'dist/index.d.ts': 'export declare const answer = 42;\n',
      LICENSE: 'MIT\n',
    });
    expect(await publintProblems(good)).toEqual([]);
    expect(attwProblems(good, repositoryRoot)).toEqual([]);
  });

  it('a runtime import the manifest does not declare, a declared dependency nothing imports, an unrewritten workspace range', () => {
    const imported = new Map([
      [
        'dist/index.js',
        packageImportsOf('dist/index.js', "import ky from 'ky';\nimport { x } from 'node:fs';\n"),
      ],
      ['dist/index.d.ts', packageImportsOf('dist/index.d.ts', "import type { Agent } from 'undici';\n")],
    ]);
    expect(
      runtimeDependencyProblems(
        {
          name: '@felhom/x',
          version: '1.0.0',
          dependencies: { undici: '7.30.2', valibot: '1.5.0', '@felhom/y': 'workspace:*' },
        },
        imported,
      ),
    ).toEqual([
      '@felhom/x: dist/index.js imports ky, which package.json does not declare',
      '@felhom/x: declares valibot, which no built file imports',
      '@felhom/x: declares @felhom/y, which no built file imports',
      '@felhom/x: @felhom/y@workspace:* was not rewritten by pack',
    ]);
  });

  it('counts createRequire loads as imports, and a dependency a sibling takes as its peer as used', () => {
    expect(
      packageImportsOf(
        'dist/index.js',
        "import { createRequire } from 'module';\nvar load2 = createRequire(import.meta.url);\nload2('ky');\n",
      ),
    ).toEqual(['ky']);
    const cli = {
      name: '@felhom/cli',
      version: '1.0.0',
      dependencies: { '@felhom/p': '1.0.0', selfsigned: '5.5.0' },
    };
    const sdk = { name: '@felhom/p', version: '1.0.0', peerDependencies: { selfsigned: '^5.5.0' } };
    const imported = new Map([['dist/cli.js', ['@felhom/p']]]);
    expect(runtimeDependencyProblems(cli, imported, [cli, sdk])).toEqual([]);
    // Without the sibling's peer declaration, the unused dependency is still reported.
    expect(runtimeDependencyProblems(cli, imported, [cli])).toEqual([
      '@felhom/cli: declares selfsigned, which no built file imports',
    ]);
  });

  it('counts what JavaScript runs and what declaration files need, not erased type imports in JavaScript', () => {
    expect(packageImportsOf('a.js', "import 'msw';\nconst s = await import('selfsigned');\n")).toEqual([
      'msw',
      'selfsigned',
    ]);
    expect(
      packageImportsOf('a.d.ts', "import type { Agent } from 'undici';\nimport * as v from 'valibot';\n"),
    ).toEqual(['undici', 'valibot']);
    expect(
      packageImportsOf('a.js', "import { readFile } from 'node:fs/promises';\nimport { x } from './x.js';\n"),
    ).toEqual([]);
  });
});
