import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { npmInstall, writeConsumer } from './consumer.js';
import type { PackedPackage } from './tarball.js';

/** What installing one package brings into node_modules. */
export interface Footprint {
  /** Installed packages other than the one asked for. */
  readonly dependencies: readonly string[];
  /** Bytes of node_modules in all. */
  readonly totalBytes: number;
  /** Bytes of the package itself. */
  readonly ownBytes: number;
}

function bytesOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesOf(join(path, name)), 0);
}

/** Installed package folders under a node_modules folder, nested ones included. */
function installed(nodeModules: string): { name: string; path: string }[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(nodeModules, name);
    if (name.startsWith('@')) {
      return readdirSync(path).flatMap((inner) => {
        const scoped = join(path, inner);
        return [{ name: `${name}/${inner}`, path: scoped }, ...installed(join(scoped, 'node_modules'))];
      });
    }
    return [{ name, path }, ...installed(join(path, 'node_modules'))];
  });
}

/** Installs `packed` alone into a fresh project in `directory` and measures what arrived. */
export function measureFootprint(directory: string, packed: PackedPackage): Footprint {
  writeConsumer(directory, [packed]);
  npmInstall(directory);
  const nodeModules = join(directory, 'node_modules');
  const all = installed(nodeModules).filter((entry) => existsSync(join(entry.path, 'package.json')));
  const own = all.find((entry) => entry.name === packed.manifest.name);
  return {
    dependencies: all
      .filter((entry) => entry !== own)
      .map((entry) => entry.name)
      .sort(),
    totalBytes: bytesOf(nodeModules),
    ownBytes: own === undefined ? 0 : bytesOf(own.path),
  };
}
