import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '../structure/repository.js';

/** Formats TypeScript text as Biome formats the file at `path` (the repository's settings). */
export function formatWithBiome(text: string, path: string): string {
  return execFileSync(
    join(repositoryRoot, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${path}`],
    {
      cwd: repositoryRoot,
      input: text,
      encoding: 'utf8',
    },
  );
}
