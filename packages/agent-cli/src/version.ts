import { readFileSync } from 'node:fs';

/**
 * The CLI's version, read from its own package.json. Both `src/` and `dist/` sit one level
 * below the package root, so the same relative URL works in development and once installed.
 * Reading one small file keeps `--version` from loading any command code.
 */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
