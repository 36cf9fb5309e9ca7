import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the project's shared reference material lives (conformance captures, Proxmox's API
 * schema, real smartctl/sensors samples): `../shared` beside the repository, or the folder
 * named by `FELHOM_SHARED_DIR`. It is never copied into the repository; a user's own clone
 * does not have it, and the tests that need it skip with a message saying so. In CI
 * (`CI=true`) it must be present: a missing folder fails the run instead of skipping.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function locate(): string | undefined {
  const candidates = [process.env.FELHOM_SHARED_DIR, join(repoRoot, '..', 'shared')];
  for (const candidate of candidates) {
    if (candidate && existsSync(join(candidate, 'pve-facts.md'))) return resolve(candidate);
  }
  return undefined;
}

/** Absolute path of the shared folder, or `undefined` when it is absent. */
export const sharedDir: string | undefined = locate();

/** Why shared-dependent tests are skipped, for the skip message. */
export const sharedSkipReason =
  'skipped: ../shared (conformance captures, PVE API schema, hardware samples) is not beside this ' +
  'clone; set FELHOM_SHARED_DIR to run these tests';

if (!sharedDir && process.env.CI === 'true') {
  throw new Error(`CI=true but the shared folder is missing (looked in ${join(repoRoot, '..', 'shared')})`);
}

/**
 * Path of a file inside the shared folder. Only call it from tests guarded by
 * `describe.skipIf(!sharedDir)`.
 */
export function sharedPath(...parts: string[]): string {
  if (!sharedDir) throw new Error(sharedSkipReason);
  return join(sharedDir, ...parts);
}

/** Prints the skip reason once per test file when the shared folder is absent. */
export function announceSharedSkip(what: string): void {
  if (!sharedDir) console.warn(`[${what}] ${sharedSkipReason}`);
}
