import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles } from '../structure/cycles.js';
import { checkFence, checkManifest, type Manifest } from '../structure/fence.js';
import {
  packageDirectories,
  readManifest,
  repositoryGraph,
  repositoryRoot,
} from '../structure/repository.js';

/**
 * The authoritative structure check of the repository (run by `pnpm check`): the API/root fence
 * over every package's sources and manifest, and no import cycle anywhere. What each rule
 * forbids, and proof that it fires, is in fence-rules.test.ts.
 */
const graph = repositoryGraph();
const paths = [...graph.keys()];

describe('the repository as it is', () => {
  it('holds every source file of every package in the graph', () => {
    for (const directory of packageDirectories) {
      const src = join(repositoryRoot, 'packages', directory, 'src');
      const files = (readdirSync(src, { recursive: true }) as string[])
        .filter((file) => file.endsWith('.ts'))
        .map((file) => `packages/${directory}/src/${file.split(sep).join('/')}`);
      expect(files.filter((file) => !graph.has(file))).toEqual([]);
    }
  });

  it('sees the sources of every package, and resolves workspace imports to them', () => {
    for (const directory of packageDirectories) {
      expect(paths.filter((path) => path.startsWith(`packages/${directory}/src/`)).length).toBeGreaterThan(
        10,
      );
    }
    // Workspace imports resolve to sources, so a cross-package import is seen as one.
    const workspaceImports = [...graph.values()].flatMap((file) =>
      file.imports.filter((site) => site.specifier?.startsWith('@felhom/') === true),
    );
    expect(workspaceImports.length).toBeGreaterThan(0);
    for (const site of workspaceImports)
      expect(site.target, site.specifier).toMatch(/^packages\/[^/]+\/src\//);
  });

  it('keeps the fence: proxmox starts no process, privileged speaks no HTTP, only the CLI meets both', () => {
    const report = checkFence(graph).map((v) => `${v.file}:${v.line} [${v.rule}] ${v.detail}`);
    expect(report).toEqual([]);
  });

  it('declares no dependency the fence forbids', () => {
    const problems = packageDirectories.flatMap((directory) =>
      checkManifest(readManifest<Manifest>(directory)),
    );
    expect(problems).toEqual([]);
  });

  it('has no import cycle anywhere (type-only imports included)', () => {
    expect(findCycles(graph, 'all')).toEqual([]);
  });
});
