import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { type GlobalUse, type ImportSite, importsOf, networkGlobalUses } from './imports.js';

/** An import with where it leads: a repository file when it resolves to one, else a package or built-in. */
export interface ResolvedImport extends ImportSite {
  /** Repository-relative path (`/` separators) of the imported file, for imports inside the repository. */
  readonly target: string | undefined;
}

/** One source file of the graph. */
export interface GraphFile {
  /** Repository-relative path with `/` separators. */
  readonly path: string;
  readonly imports: readonly ResolvedImport[];
  readonly networkGlobals: readonly GlobalUse[];
}

/** The repository's import graph, keyed by repository-relative path. */
export type ImportGraph = ReadonlyMap<string, GraphFile>;

const sourceFile = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const declarationFile = /\.d\.[cm]?ts$/;
const skippedDirectories = new Set(['node_modules', 'dist', 'coverage', '.git']);

/** Source files under `directories` (relative to `root`), skipping build output and dependencies. */
export function listSources(root: string, directories: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return; // a folder a checkout does not have (no bench/ yet) is simply empty
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name)) walk(path);
      } else if (sourceFile.test(entry.name) && !declarationFile.test(entry.name)) {
        found.push(path);
      }
    }
  };
  for (const directory of directories) walk(join(root, directory));
  return found.sort();
}

const toPosix = (path: string): string => path.split(sep).join('/');

/** Compiler options of `tsconfig` (its `paths` map `@felhom/*` to sources, as the workspace sees them). */
export function compilerOptionsOf(tsconfig: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${tsconfig}`);
  return parsed.options;
}

/**
 * Build the import graph of `files` (absolute paths inside `root`), resolving each specifier the
 * way the compiler does with `options`. Imports that resolve into node_modules, and built-ins,
 * keep only their specifier.
 */
export function buildImportGraph(
  root: string,
  files: readonly string[],
  options: ts.CompilerOptions,
): ImportGraph {
  const host = ts.createCompilerHost(options);
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  const graph = new Map<string, GraphFile>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const imports = importsOf(file, text).map((site): ResolvedImport => {
      if (site.specifier === undefined) return { ...site, target: undefined };
      const resolved = ts.resolveModuleName(site.specifier, file, options, host, cache).resolvedModule;
      const inside =
        resolved !== undefined &&
        !resolved.isExternalLibraryImport &&
        !resolved.resolvedFileName.includes('/node_modules/');
      return { ...site, target: inside ? toPosix(relative(root, resolved.resolvedFileName)) : undefined };
    });
    const path = toPosix(relative(root, file));
    graph.set(path, { path, imports, networkGlobals: networkGlobalUses(file, text) });
  }
  return graph;
}
