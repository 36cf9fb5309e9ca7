/**
 * Problems the packaging and unused-code checks find that belong to another workstream and are
 * not fixed yet (this task may not edit the packages' sources).
 * Each is reported as a known issue (not a failure) while it still occurs; once it no longer
 * occurs the check says so, and the entry should be deleted. Keep this list short and dated.
 */
export interface KnownIssue {
  /** The check that reports it. */
  readonly check: 'packages' | 'knip';
  /** Matches the problem text. */
  readonly pattern: RegExp;
  /** Why it is tolerated for now, and who fixes it. */
  readonly because: string;
}

export const knownIssues: readonly KnownIssue[] = [];

/** Splits one check's problems into failures and tolerated known issues, and lists its entries that no longer match. */
export function triage(
  check: KnownIssue['check'],
  problems: readonly string[],
  issues: readonly KnownIssue[] = knownIssues,
): {
  failures: string[];
  known: string[];
  resolved: string[];
} {
  const failures: string[] = [];
  const known: string[] = [];
  const matched = new Set<KnownIssue>();
  const ours = issues.filter((issue) => issue.check === check);
  for (const problem of problems) {
    const issue = ours.find((candidate) => candidate.pattern.test(problem));
    if (issue === undefined) failures.push(problem);
    else {
      matched.add(issue);
      known.push(`${problem}\n    (known: ${issue.because})`);
    }
  }
  const resolved = ours.filter((issue) => !matched.has(issue)).map((issue) => issue.pattern.source);
  return { failures, known, resolved };
}
