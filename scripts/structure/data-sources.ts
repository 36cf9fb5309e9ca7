import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The rule that keeps data/SOURCES.md honest: every file under data/ is named there (so its
 * origin can be looked up), and every data/ path named there exists (so a renamed or deleted
 * file does not leave a stale origin behind).
 *
 * A name is a backticked token that looks like a relative file path: no space, no `:`, at
 * least one `/`, ending in an extension. Origins are written `owner/repo:path@commit`, with a
 * `:`, so they are never mistaken for names of files in data/.
 */
export interface DataSourcesReport {
  /** Files under data/ that SOURCES.md does not name. */
  readonly unnamed: readonly string[];
  /** Paths SOURCES.md names that are not files under data/. */
  readonly missing: readonly string[];
}

const namePattern = /`([^`\s:/]+(?:\/[^`\s:/]+)+\.[A-Za-z0-9]+)`/g;

/** The data/-relative paths a SOURCES.md text names. */
export function namedPaths(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(namePattern)].map((match) => match[1] as string));
}

/** Compares the files present with the names in SOURCES.md; SOURCES.md itself is exempt. */
export function checkDataSources(files: readonly string[], markdown: string): DataSourcesReport {
  const named = namedPaths(markdown);
  const present = new Set(files.filter((file) => file !== 'SOURCES.md'));
  return {
    unnamed: [...present].filter((file) => !named.has(file)).sort(),
    missing: [...named].filter((name) => !present.has(name)).sort(),
  };
}

/** Every file under a directory, as `/`-separated paths relative to it. */
export function filesUnder(directory: string): string[] {
  return (readdirSync(directory, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Reads SOURCES.md of a data directory. */
export function readSources(directory: string): string {
  return readFileSync(join(directory, 'SOURCES.md'), 'utf8');
}
