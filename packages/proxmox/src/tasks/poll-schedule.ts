/**
 * The share of the time waited so far that the next wait between two polls takes. With the
 * jitter a wait is at most 22 % of the elapsed time, which leaves room for the poll's own round
 * trip inside the promise that a task is seen ending within 25 % of its run time.
 */
export const pollGrowth = 0.2;

/**
 * How much each wait is lengthened at random (0 to 10 %), so many waiters started together
 * drift apart. Only lengthened: `minDelay` stays a true minimum, and at the `maxDelay` cap a
 * 20-minute task costs fewer polls (about 246 on average).
 */
export const pollJitter = 0.1;

/**
 * The wait before the next status poll, in ms: {@link pollGrowth} of `elapsed` (the time since
 * the wait began), kept between `minDelay` and `maxDelay`, then lengthened by up to
 * {@link pollJitter}.
 *
 * Why proportional: a task's end is seen at most one wait after it happened, so a wait that
 * grows with the elapsed time keeps that lag a fixed fraction of the task's run time — a 1 s
 * task is seen ending within about 0.25 s, a 2-minute one within 25 s — while the number of
 * polls grows only with the logarithm of the run time until `maxDelay` caps it (docs/tasks.md).
 *
 * @param random a number in [0, 1), `Math.random()` by default
 */
export function pollDelay(
  elapsed: number,
  minDelay: number,
  maxDelay: number,
  random = Math.random(),
): number {
  const nominal = Math.min(maxDelay, Math.max(minDelay, elapsed * pollGrowth));
  return nominal * (1 + pollJitter * random);
}
