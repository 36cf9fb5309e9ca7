import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pnpmCommand, runOrThrow } from './run.js';

/** The fields of a packed package.json the checks read. */
export interface PackedManifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly bin?: Readonly<Record<string, string>>;
}

/** A package as `pnpm pack` made it, unpacked beside its tarball. */
export interface PackedPackage {
  readonly manifest: PackedManifest;
  /** Absolute path of the `.tgz`. */
  readonly tarball: string;
  /** Where the tarball was unpacked (its `package/` folder). */
  readonly unpacked: string;
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  /** Files inside, relative to the package root. */
  readonly files: readonly string[];
}

function walk(directory: string, prefix = ''): { path: string; bytes: number }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    const relativePath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory()
      ? walk(path, relativePath)
      : [{ path: relativePath, bytes: statSync(path).size }];
  });
}

/**
 * Packs one workspace package with pnpm (which rewrites `workspace:*` to the real versions, as a
 * publish does) into `destination`, and unpacks it there for the checks.
 */
export function packPackage(packageDirectory: string, destination: string): PackedPackage {
  const [pnpm, prefix] = pnpmCommand();
  const output = runOrThrow(
    pnpm,
    [...prefix, 'pack', '--json', '--pack-destination', destination],
    packageDirectory,
  );
  const { filename } = JSON.parse(output.slice(output.indexOf('{'))) as { filename: string };
  const unpackInto = join(destination, filename.replace(/^.*\//, '').replace(/\.tgz$/, ''));
  mkdirSync(unpackInto, { recursive: true });
  runOrThrow('tar', ['-xzf', filename, '-C', unpackInto], destination);
  const unpacked = join(unpackInto, 'package');
  const files = walk(unpacked);
  return {
    manifest: JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as PackedManifest,
    tarball: filename,
    unpacked,
    packedBytes: statSync(filename).size,
    unpackedBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.map((file) => file.path).sort(),
  };
}
