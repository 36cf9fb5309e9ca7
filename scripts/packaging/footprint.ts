import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsumerResult } from './consumer.js';
import { type NpmClient, npmRunOrThrow } from './npm-client.js';
import { run } from './run.js';

const fixture = fileURLToPath(new URL('./library-consumer', import.meta.url));

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

function measure(nodeModules: string, packageName: string): Footprint {
  const all = installed(nodeModules).filter((entry) => existsSync(join(entry.path, 'package.json')));
  const own = all.find((entry) => entry.name === packageName);
  return {
    dependencies: all
      .filter((entry) => entry !== own)
      .map((entry) => entry.name)
      .sort(),
    totalBytes: bytesOf(nodeModules),
    ownBytes: own === undefined ? 0 : bytesOf(own.path),
  };
}

/** What the library consumers showed, and what `@felhom/proxmox` brought along. */
export interface LibraryConsumerResult extends ConsumerResult {
  readonly footprint: Footprint;
}

/**
 * A default `npm init -y` project (CommonJS) that installs `@felhom/proxmox` alone from the
 * registry, then talks to a stand-in host through it twice: from an ES module (`esm.mjs`) and
 * through `require()` (`index.js`). Measures what the install brought.
 */
export function checkLibraryConsumer(
  client: NpmClient,
  directory: string,
  version: string,
): LibraryConsumerResult {
  const problems: string[] = [];
  const notes: string[] = [];
  cpSync(fixture, directory, { recursive: true });
  run('npm', ['init', '-y'], directory, client.env);
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { type?: string };
  if (manifest.type === 'module') problems.push('library consumer: npm init -y made an ES module project');
  npmRunOrThrow(client, 'npm', ['install', `@felhom/proxmox@${version}`], directory);
  for (const [file, kind] of [
    ['esm.mjs', 'esm'],
    ['index.js', 'commonjs'],
  ] as const) {
    const ran = run(process.execPath, [file], directory);
    const expected = {
      module: kind,
      sdk: version,
      version: '9.1.2',
      upidNode: 'pve1',
      invalid: 'invalid-argument',
    };
    const line = ran.stdout.trim().split('\n').at(-1) ?? '';
    if (ran.status !== 0 || line !== JSON.stringify(expected))
      problems.push(`library consumer: node ${file} exited ${ran.status}: ${ran.stdout}${ran.stderr}`);
    else
      notes.push(
        `library consumer (${kind === 'esm' ? 'import' : 'require()'}, ${file}): GET /version → 9.1.2`,
      );
  }
  return { problems, notes, footprint: measure(join(directory, 'node_modules'), '@felhom/proxmox') };
}
