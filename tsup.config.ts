import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

/**
 * One build definition for every package. Each package's `build` script runs
 * `tsup --config ../../tsup.config.ts` from its own directory; the entry points are read from
 * the `tsup.entry` field of that package's package.json, so adding a subpath export is a
 * one-line change there.
 */
interface PackageJson {
  readonly name: string;
  readonly tsup?: { readonly entry?: Record<string, string> };
  readonly bin?: Record<string, string>;
}

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as PackageJson;
const entry = pkg.tsup?.entry ?? { index: 'src/index.ts' };

export default defineConfig({
  entry,
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  tsconfig: join(cwd, 'tsconfig.json'),
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: true,
  treeshake: true,
  // A bin entry needs the shebang kept; tsup keeps a leading `#!` line of the entry file.
  shims: false,
});
