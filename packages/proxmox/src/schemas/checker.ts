/**
 * The fast reader of one response shape, generated at build time from its declaration
 * (scripts/generate/, output in generated/resource-checkers.ts and generated/task-checkers.ts). `parseFreshResponse` runs `check`
 * first, and `normalise` only when `check` accepted the data; anything refused goes to the
 * shape's valibot schema, which names the offending field. Internal to the package.
 */
export interface GeneratedChecker {
  /** True when `data` is acceptable. Reads only: the data is left exactly as it was. */
  readonly check: (data: unknown) => boolean;
  /**
   * The output for data `check` accepted, made in place: the data is freshly parsed JSON owned
   * by the caller, so values are read into their output form where they stand.
   */
  readonly normalise: (data: unknown) => unknown;
}
