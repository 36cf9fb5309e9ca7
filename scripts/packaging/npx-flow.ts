import { mkdirSync } from 'node:fs';
import type { ConsumerResult } from './consumer.js';
import { type NpmClient, npmRun } from './npm-client.js';

/**
 * What a new user types, in an empty folder with an empty npm cache: `npx felhom-agent
 * --version` and `npx felhom-agent selftest --demo`, everything fetched from the registry.
 */
export function checkNpxFlow(client: NpmClient, directory: string, version: string): ConsumerResult {
  const problems: string[] = [];
  const notes: string[] = [];
  mkdirSync(directory, { recursive: true });
  const npx = (args: readonly string[]) =>
    npmRun(client, 'npx', ['--yes', 'felhom-agent', ...args], directory);

  const printed = npx(['--version']);
  if (printed.status !== 0 || printed.stdout.trim() !== `felhom-agent ${version}`)
    problems.push(`npx felhom-agent --version exited ${printed.status}: ${printed.stdout}${printed.stderr}`);
  else notes.push(`npx felhom-agent --version (empty folder, empty cache) → ${printed.stdout.trim()}`);

  const demo = npx(['selftest', '--demo']);
  const passed = demo.stdout.match(/^\[ ok \] /gm)?.length ?? 0;
  if (demo.status !== 0 || passed < 9 || demo.stdout.includes('[FAIL]'))
    problems.push(`npx felhom-agent selftest --demo exited ${demo.status}\n${demo.stdout}${demo.stderr}`);
  else notes.push(`npx felhom-agent selftest --demo → exit 0, ${passed} [ ok ] lines`);
  return { problems, notes };
}
