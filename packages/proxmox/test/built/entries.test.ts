import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The built package (`pnpm run build` makes dist/; `pnpm test` builds first), as consumers load
// it: the root entry's files, and the self-contained subpaths sharing the root's error classes
// (tsup.config.ts, docs/performance.md "Import cost").

const packageDirectory = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(packageDirectory, 'dist');
const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as {
  readonly tsup: { readonly selfContained: { readonly entries: readonly string[] } };
};
const selfContained = manifest.tsup.selfContained.entries;

/** The relative files `file` imports statically (`import … from './x.js'`, not `import()`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\b[^;]*?from\s*['"](\.[^'"]+)['"]|^import\s*['"](\.[^'"]+)['"]/gm),
  ];
  return specifiers.map((match) => join(dirname(file), match[1] ?? match[2] ?? ''));
}

/** Every file of dist/ that loading `entry` loads before any `import()`, short of `stopAt`. */
function staticGraph(entry: string, stopAt?: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || file === stopAt) return;
    seen.add(file);
    for (const next of staticImports(file)) visit(next);
  };
  visit(entry);
  return seen;
}

const load = (name: string): Promise<Record<string, unknown>> =>
  import(pathToFileURL(join(dist, `${name}.js`)).href) as Promise<Record<string, unknown>>;

beforeAll(() => {
  if (!existsSync(join(dist, 'index.js')))
    throw new Error(`${dist} is missing: run \`pnpm run build\` first`);
});

describe('the built root entry', () => {
  it('loads a few files at import, and the table of operations only on a typed call', () => {
    const graph = staticGraph(join(dist, 'index.js'));
    // Each file a module graph holds costs Node about half a millisecond to resolve and load:
    // the root stays at index.js and the chunks it shares with the lazily loaded table.
    expect(graph.size).toBeLessThanOrEqual(3);
    const rootText = readFileSync(join(dist, 'index.js'), 'utf8');
    const lazy = [...rootText.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((match) => match[1]);
    expect(lazy).toHaveLength(1);
    const table = join(dist, lazy[0] ?? '');
    expect(graph.has(table)).toBe(false);
    expect(readFileSync(table, 'utf8')).toMatch(/export \{[^}]*\boperations\b/);
  });

  it('loads none of the self-contained subpaths’ files', () => {
    const graph = staticGraph(join(dist, 'index.js'));
    for (const name of selfContained) {
      // Its own files: those it loads other than through the root entry.
      for (const file of staticGraph(join(dist, `${name}.js`), join(dist, 'index.js')))
        expect(graph.has(file), `${name}: ${file}`).toBe(false);
    }
  });
});

describe('the self-contained subpaths', () => {
  it('export the root’s error classes, not copies', async () => {
    const root = await load('index');
    const errors = await load('errors');
    const classes = Object.entries(errors).filter(
      ([, value]) => typeof value === 'function' && /^[A-Z]/.test((value as { name: string }).name),
    );
    expect(classes.map(([name]) => name)).toEqual(
      expect.arrayContaining(['APIError', 'InvalidArgumentError']),
    );
    for (const [name, value] of classes) expect(value, name).toBe(root[name]);
  });

  it('throw errors that are instances of the root’s classes', async () => {
    const { InvalidArgumentError, ProxmoxError } = (await load('index')) as {
      InvalidArgumentError: abstract new (...args: never[]) => Error;
      ProxmoxError: abstract new (...args: never[]) => Error;
    };
    const { assertVmid } = (await load('validation')) as { assertVmid: (value: unknown) => void };
    let thrown: unknown;
    try {
      assertVmid('not a vmid');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expect(thrown).toBeInstanceOf(ProxmoxError);
  });

  it.each(selfContained)('%s exports, built, every value its source exports', async (name) => {
    const built = await load(name);
    const source = (await import(join(packageDirectory, 'src/entries', `${name}.ts`))) as Record<
      string,
      unknown
    >;
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  });
});
