/** One entry of a knip JSON report: a file and, per issue type, the names found there. */
interface KnipFileIssues {
  readonly file: string;
  readonly [type: string]: unknown;
}

/**
 * Flattens knip's JSON report (`{ files?, issues: [{ file, exports: [{ name }], … }] }`) into one
 * line per finding: `knip TYPE: NAME in FILE`.
 */
export function knipFindings(report: unknown): string[] {
  const { files = [], issues = [] } = report as {
    files?: readonly string[];
    issues?: readonly KnipFileIssues[];
  };
  const findings = files.map((file) => `knip files: ${file}`);
  for (const entry of issues) {
    for (const [type, value] of Object.entries(entry)) {
      if (type === 'file' || !Array.isArray(value)) continue;
      for (const item of value as readonly unknown[]) {
        // `files` lists paths; duplicates list groups of names; the rest list `{ name }` items.
        const name = Array.isArray(item)
          ? item.map((part: { name?: string }) => part.name).join(' = ')
          : typeof item === 'object' && item !== null && 'name' in item
            ? String((item as { name: unknown }).name)
            : String(item);
        findings.push(
          type === 'files' ? `knip files: ${entry.file}` : `knip ${type}: ${name} in ${entry.file}`,
        );
      }
    }
  }
  return [...new Set(findings)].sort();
}
