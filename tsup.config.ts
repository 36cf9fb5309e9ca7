import { readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * One build definition for every package. Each package's `build` script runs
 * `tsup --config ../../tsup.config.ts` from its own directory; the entry points are read from
 * the `tsup.entry` field of that package's package.json, so adding a subpath export is a
 * one-line change there.
 *
 * `tsup.selfContained` (optional) names entries built apart from the others: code shared with
 * the root entry is bundled into them rather than split into chunks the root would then load
 * as separate files, and only the modules matching `fromRoot` (the error classes, whose
 * identity `instanceof` needs) are taken from the root entry (`./index.js`) instead.
 * docs/performance.md, "Import cost", says why.
 */
interface PackageJson {
  readonly name: string;
  readonly tsup?: {
    readonly entry?: Record<string, string>;
    readonly selfContained?: { readonly entries: readonly string[]; readonly fromRoot: string };
  };
}

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as PackageJson;
const entry = pkg.tsup?.entry ?? { index: 'src/index.ts' };
const selfContained = pkg.tsup?.selfContained;

const common: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  tsconfig: join(cwd, 'tsconfig.json'),
  sourcemap: true,
  splitting: true,
  treeshake: true,
  // A bin entry needs the shebang kept; tsup keeps a leading `#!` line of the entry file.
  shims: false,
};

/** Resolves imports of the modules matching `pattern` (relative to the package) to the root entry. */
function fromRootEntry(pattern: RegExp): Plugin {
  return {
    name: 'from-root-entry',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = relative(cwd, resolve(args.resolveDir, args.path)).replace(/\.js$/, '.ts');
        return pattern.test(target) ? { path: './index.js', external: true, sideEffects: false } : undefined;
      });
    },
  };
}

function configs(): Options | Options[] {
  if (selfContained === undefined) return { ...common, entry, dts: true, clean: true };
  const apart = new Set(selfContained.entries);
  for (const name of apart) {
    // `./index.js` is right only beside the root entry.
    if (entry[name] === undefined || name.includes('/'))
      throw new Error(`tsup.selfContained: ${name} is not a top-level entry of tsup.entry`);
  }
  const pick = (keep: (name: string) => boolean) =>
    Object.fromEntries(Object.entries(entry).filter(([name]) => keep(name)));
  // The builds run side by side into one folder, so it is emptied once here.
  rmSync(join(cwd, 'dist'), { recursive: true, force: true });
  return [
    // One declaration build for every entry, so a type shared by two entries is one type.
    { ...common, entry, dts: { only: true } },
    { ...common, entry: pick((name) => !apart.has(name)) },
    {
      ...common,
      entry: pick((name) => apart.has(name)),
      esbuildPlugins: [fromRootEntry(new RegExp(selfContained.fromRoot))],
    },
  ];
}

export default defineConfig(configs());
