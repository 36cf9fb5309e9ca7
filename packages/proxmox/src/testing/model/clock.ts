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

/** The last millisecond whose second still fits the 8 hex digits of a UPID's `starttime`. */
const LAST_UPID_MS = 0xffff_ffff * 1000 + 999;

/**
 * The cluster's two readings of its one clock, as a real host has them:
 *
 * - **wall time** (`now()`): what `time()` says; task `starttime`, snapshot `snaptime`, volume
 *   `ctime`, backup file names and log stamps come from it, so they follow a fake clock wherever
 *   it is set;
 * - **elapsed time** (`elapsed()`): how long the simulator has been running, which only moves
 *   forward (the clock's backward steps are ignored, like `CLOCK_MONOTONIC` on a host whose
 *   wall clock is reset). Uptimes, task `pstart` and how long tasks run come from it, so a clock
 *   set back after the cluster was made (fake timers installed later, a test rewinding time)
 *   never yields a negative uptime or an invalid UPID.
 */
export class SimTimeline {
  readonly #clock: SimClock;
  #lastWallMs: number;
  #elapsedMs = 0;

  constructor(clock: SimClock) {
    this.#clock = clock;
    this.#lastWallMs = this.#read();
  }

  /** Wall time in milliseconds since the epoch; also moves elapsed time on by any forward step. */
  now(): number {
    const wallMs = this.#read();
    if (wallMs > this.#lastWallMs) this.#elapsedMs += wallMs - this.#lastWallMs;
    this.#lastWallMs = wallMs;
    return wallMs;
  }

  /** Milliseconds the cluster has run since it was made; never decreases. */
  elapsed(): number {
    this.now();
    return this.#elapsedMs;
  }

  #read(): number {
    const wallMs = this.#clock.now();
    // PVE writes seconds since 1970 as 8 hex digits (`PVE::UPID::encode`): outside that range no
    // valid task could be started, so say so at once rather than hand out a malformed UPID.
    if (!Number.isFinite(wallMs) || wallMs < 0 || wallMs > LAST_UPID_MS) {
      throw new RangeError(
        `the simulated cluster's clock must read a time from 1970-01-01 to 2106-02-07 (ms since the epoch), got ${String(wallMs)}`,
      );
    }
    return wallMs;
  }
}
