import { fileURLToPath } from 'node:url';

/** Absolute path of a file in test/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** The repository root (for spawning node with tsx from there). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
