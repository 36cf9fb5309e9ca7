import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { run } from './run.js';
import type { PackedPackage } from './tarball.js';

/** Every publint message (errors, warnings and suggestions) about a packed tarball. */
export async function publintProblems(packed: PackedPackage): Promise<string[]> {
  const bytes = readFileSync(packed.tarball);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true, level: 'suggestion' });
  return messages.map(
    (message) =>
      `publint ${packed.manifest.name}: [${message.type}] ${formatMessage(message, pkg) ?? message.code}`,
  );
}

/**
 * Resolution kinds attw reports that an ES-module package does not serve: `node10` (no `exports`
 * support at all) and `node16-cjs`, which attw models as a `require()` that cannot load an ES
 * module; Node.js 20.19+ / 22.12+ can, and the packages stage proves it with a real `require()`
 * (scripts/packaging/library-consumer/index.js). attw's `esm-only` profile ignores exactly these.
 */
export const ignoredResolutions: readonly string[] = ['node10', 'node16-cjs'];

interface AttwProblem {
  readonly kind: string;
  readonly entrypoint?: string;
  readonly resolutionKind?: string;
}

/** Problems "Are the types wrong?" finds in a packed tarball under the esm-only profile. */
export function attwProblems(packed: PackedPackage, repositoryRoot: string): string[] {
  const cli = join(repositoryRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
  const result = run(
    process.execPath,
    [cli, packed.tarball, '--profile', 'esm-only', '--format', 'json'],
    repositoryRoot,
  );
  let problems: AttwProblem[];
  try {
    // `analysis.problems` is the flat list (the top-level `problems` groups it by kind).
    problems =
      (JSON.parse(result.stdout) as { analysis?: { problems?: AttwProblem[] } }).analysis?.problems ?? [];
  } catch {
    return [
      `attw ${packed.manifest.name}: exited ${result.status} without a report\n${result.stdout}${result.stderr}`,
    ];
  }
  const reported = problems
    .filter((problem) => !ignoredResolutions.includes(problem.resolutionKind ?? ''))
    .map(
      (problem) =>
        `attw ${packed.manifest.name}: ${problem.kind} at ${problem.entrypoint ?? '?'} (${problem.resolutionKind ?? 'any resolution'})`,
    );
  if (reported.length === 0 && result.status !== 0) {
    return [`attw ${packed.manifest.name}: exited ${result.status}\n${result.stderr}`];
  }
  return reported;
}
