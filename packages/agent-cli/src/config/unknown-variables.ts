import { ENV, type Environment } from './sources.js';

const PREFIX = 'FELHOM_AGENT_';
const known: readonly string[] = Object.values(ENV);

/**
 * Warnings for `FELHOM_AGENT_*` variables the agent does not read: a typo such as
 * `FELHOM_AGENT_TOKN_ID` would otherwise be ignored without a word. The closest known name is
 * suggested when it is a few keystrokes away.
 */
export function unknownVariableWarnings(env: Environment): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith(PREFIX) && !known.includes(name))
    .sort()
    .map((name) => {
      const closest = known
        .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
        .sort((a, b) => a.distance - b.distance)[0];
      const suggestion =
        closest !== undefined && closest.distance <= 3 ? `; did you mean ${closest.candidate}?` : '';
      return `${name} is not a felhom-agent variable and is ignored${suggestion} (the list: docs/configuration.md)`;
    });
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
