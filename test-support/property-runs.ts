/**
 * How many runs a property test makes: `runs` in the main suite; a tenth of it (at least 20)
 * when FELHOM_PROPERTY_SCALE=0.1, as in the suite's runs on other Node versions, which are there
 * for the runtime and the clock, not to search the same properties again
 * (scripts/ci/registry-node.ts).
 */
export function propertyRuns(runs: number): number {
  const scale = Number(process.env.FELHOM_PROPERTY_SCALE ?? '1');
  if (!(scale > 0 && scale <= 1)) return runs;
  return Math.max(Math.min(runs, 20), Math.round(runs * scale));
}
