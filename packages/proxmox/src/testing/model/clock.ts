/**
 * Where the simulated cluster reads the time. Tests with fake timers keep the default
 * (`Date.now`, which the fake timers replace) or pass their own counter.
 */
export interface SimClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The wall clock: `Date.now`, looked up at call time so fake timers installed later still apply. */
export const systemClock: SimClock = { now: () => Date.now() };
