import { builtinModules } from 'node:module';
import { packageOf } from '../structure/fence.js';
import { importsOf } from '../structure/imports.js';
import type { PackedManifest } from './tarball.js';

const builtins = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/**
 * The packages a built file imports (bare specifiers; built-ins and relative paths left out). For
 * JavaScript only what runs counts; a declaration file's type imports count too, since a
 * consumer's compiler must find them.
 */
export function packageImportsOf(fileName: string, text: string): string[] {
  const declaration = /\.d\.[cm]?ts$/.test(fileName);
  return importsOf(fileName, text)
    .filter(
      (site) =>
        (declaration || !site.typeOnly) && site.specifier !== undefined && !site.specifier.startsWith('.'),
    )
    .map((site) => packageOf(site.specifier ?? ''))
    .filter((name) => !builtins.has(name));
}

/**
 * Problems with a package's runtime dependencies: every package its built files import must
 * be declared (dependencies, or peer dependencies), and every declared one must be imported —
 * a dependency nothing imports only makes consumers install more. `imported` maps each built
 * file (`.js`, `.d.ts`) to the packages it imports.
 */
export function runtimeDependencyProblems(
  manifest: PackedManifest,
  imported: ReadonlyMap<string, readonly string[]>,
  siblings: readonly PackedManifest[] = [],
): string[] {
  // A package may declare what a sibling it depends on takes as a peer dependency (the CLI
  // declares selfsigned for @felhom/proxmox/testing): the sibling imports it on its behalf.
  const peersOfDependencies = new Map<string, string>();
  for (const sibling of siblings) {
    if (sibling.name === manifest.name || manifest.dependencies?.[sibling.name] === undefined) continue;
    for (const peer of Object.keys(sibling.peerDependencies ?? {}))
      peersOfDependencies.set(peer, sibling.name);
  }
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const used = new Set([...imported.values()].flat());
  const problems: string[] = [];
  for (const [file, names] of imported) {
    for (const name of new Set(names)) {
      if (!declared.has(name))
        problems.push(`${manifest.name}: ${file} imports ${name}, which package.json does not declare`);
    }
  }
  for (const name of declared) {
    if (!used.has(name) && !peersOfDependencies.has(name))
      problems.push(`${manifest.name}: declares ${name}, which no built file imports`);
  }
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (range.startsWith('workspace:'))
      problems.push(`${manifest.name}: ${name}@${range} was not rewritten by pack`);
  }
  return problems;
}
