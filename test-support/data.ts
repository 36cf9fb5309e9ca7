import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's test data (data/, origins in data/SOURCES.md): Proxmox's API schema, real host
 * responses, real smartctl and sensors outputs. Resolved from this file, so it holds wherever the
 * clone is and whatever directory vitest runs from.
 */
const dataRoot = fileURLToPath(new URL('../data/', import.meta.url));

/** Absolute path of a file or folder under data/, e.g. `dataPath('pve-api', 'pve9.1-….json')`. */
export function dataPath(...parts: string[]): string {
  return join(dataRoot, ...parts);
}
