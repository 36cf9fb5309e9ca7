/** What ended a wait early. */
export type WaitStop = 'deadline' | 'caller';

/**
 * The single deadline of one `waitTask`: a signal that fires when its time is up or when the
 * caller's signal fires (linked by a listener, not `AbortSignal.any`), given to every request
 * the wait makes, so no poll, log read or tail can outlast it.
 */
export class WaitDeadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller: AbortSignal | undefined;
  readonly #end: number;
  #stop: WaitStop | undefined;
  readonly #onCallerAbort = (): void => {
    this.#fire('caller');
  };

  constructor(timeout: number, caller: AbortSignal | undefined) {
    this.#end = performance.now() + timeout;
    this.#timer = setTimeout(() => this.#fire('deadline'), timeout);
    this.#caller = caller;
    if (caller?.aborted) this.#fire('caller');
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  /** Fires at the deadline or when the caller aborts. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** What fired, if anything did. */
  get stop(): WaitStop | undefined {
    return this.#stop;
  }

  /** The caller's abort reason. */
  get callerReason(): unknown {
    return this.#caller?.reason;
  }

  /** Milliseconds left until the deadline (0 once it passed). */
  remaining(): number {
    return Math.max(0, this.#end - performance.now());
  }

  /** Clears the timer and the listener. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }

  #fire(stop: WaitStop): void {
    if (this.#stop) return;
    this.#stop = stop;
    this.#controller.abort(
      stop === 'caller' ? this.#caller?.reason : new Error('the wait reached its deadline'),
    );
  }
}

/** Resolves after `ms`, or as soon as `signal` fires. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
