import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildImportGraph, compilerOptionsOf, type ImportGraph, listSources } from './import-graph.js';

/** The repository root (this file is scripts/structure/repository.ts). */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every folder of the repository that holds code: packages (sources and tests), examples, benchmarks, tooling. */
export const codeDirectories: readonly string[] = [
  'packages',
  'examples',
  'bench',
  'test-support',
  'scripts',
];

/** The folder names of the workspace packages that hold TypeScript sources (`src/`). */
export const packageDirectories: readonly string[] = ['proxmox', 'privileged', 'agent-cli'];

/**
 * The folder names of every published package: the source packages, and `felhom-agent`, the
 * one-file package that installs the command under the name operators type.
 */
export const publishedPackageDirectories: readonly string[] = [...packageDirectories, 'felhom-agent'];

/** The import graph of the whole repository, resolved with the root tsconfig.json (sources, not dist). */
export function repositoryGraph(root: string = repositoryRoot): ImportGraph {
  // Root-level configs (vitest.workspace.ts, tsup.config.ts) take part in cycles too.
  const rootFiles = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?ts$/.test(entry.name))
    .map((entry) => join(root, entry.name));
  const files = [...listSources(root, codeDirectories), ...rootFiles];
  return buildImportGraph(root, files, compilerOptionsOf(join(root, 'tsconfig.json')));
}

/** A package's package.json. */
export function readManifest<T>(directory: string, root: string = repositoryRoot): T {
  return JSON.parse(readFileSync(join(root, 'packages', directory, 'package.json'), 'utf8')) as T;
}
