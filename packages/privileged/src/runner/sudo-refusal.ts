import type { SudoRefusal } from '../errors/privilege-denied-error.js';

// sudo's own refusals exit 1, exactly like smartctl's and sensors' own failures, so the exit code
// cannot tell them apart. The wording can: these are sudo 1.9's messages with `-n`
// (docs/privileged.md#sudos-refusal-messages). A refused command never started, so its stdout is
// always empty.
const patterns: readonly (readonly [RegExp, SudoRefusal])[] = [
  [/^sudo: a (password|terminal) is required/, 'password-required'],
  [/^Sorry, user \S+ is not allowed to execute /, 'not-allowed'],
  [/^(sudo: )?\S+ is not in the sudoers file/, 'not-allowed'],
  [/^sudo: .+: command not found$/, 'command-not-found'],
];

/** Classifies a sudo-mode result as one of sudo's own refusals, or `undefined` when the command ran. */
export function sudoRefusal(
  exitCode: number | null,
  stdout: string,
  stderr: string,
): SudoRefusal | undefined {
  if (exitCode !== 1 || stdout !== '') return undefined;
  const firstLine = stderr.trimStart().split('\n')[0] ?? '';
  for (const [pattern, refusal] of patterns) if (pattern.test(firstLine)) return refusal;
  return undefined;
}
