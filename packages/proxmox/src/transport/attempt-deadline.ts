/** Why an attempt was cut short. */
export type AttemptStop = 'timeout' | 'caller';

/** What the body reader needs of a deadline: whether it fired, and a callback when it does. */
export interface StopWatch {
  /** The reason it stopped, or `undefined` while running. */
  readonly stopReason: Error | undefined;
  /** Calls `callback` when it stops (only the last callback registered is kept). */
  onStop(callback: (() => void) | undefined): void;
}

/**
 * One attempt's single deadline: a timer started before the connection is opened that covers
 * connecting, the TLS handshake, the response headers and the whole body (of a success or an
 * error), plus the caller's signals. When either fires it aborts the request through the
 * function the dispatcher attached ({@link attach}), stops the body reader ({@link onStop}),
 * settles {@link race}, aborts {@link signal} if an injected fetch was given it, and remembers
 * which fired.
 *
 * Plain callbacks instead of an `AbortController` per attempt, and listeners on the caller's
 * signals instead of `AbortSignal.any`, keep the per-call cost low (docs/performance.md).
 */
export class AttemptDeadline implements StopWatch {
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callers: readonly AbortSignal[];
  #controller: AbortController | undefined;
  #stop: AttemptStop | undefined;
  #reason: Error | undefined;
  #callerReason: unknown;
  #reject: ((reason: Error) => void) | undefined;
  #abortRequest: ((reason: Error) => void) | undefined;
  #stopCallback: (() => void) | undefined;
  readonly #onCallerAbort = (event: Event): void => {
    this.#fire('caller', (event.target as AbortSignal).reason);
  };

  /** Starts the timer; `callers` are the client's and the call's signals. */
  constructor(timeout: number, callers: readonly AbortSignal[]) {
    this.#timer = setTimeout(() => this.#fire('timeout', undefined), timeout);
    this.#callers = callers;
    for (const signal of callers) {
      // A signal that fired before the attempt began stops it before anything is sent.
      if (signal.aborted) this.#fire('caller', signal.reason);
      else signal.addEventListener('abort', this.#onCallerAbort);
    }
  }

  /** A signal that fires with the deadline, made on first use (for an injected fetch). */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#reason) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** What stopped the attempt, if anything did. */
  get stop(): AttemptStop | undefined {
    return this.#stop;
  }

  /** The error the attempt stopped with, or `undefined` while it runs. */
  get stopReason(): Error | undefined {
    return this.#reason;
  }

  /** The reason of the caller's signal that fired. */
  get callerReason(): unknown {
    return this.#callerReason;
  }

  /**
   * Settles with `promise`, or rejects as soon as the deadline or a caller abort fires, for
   * fetch implementations that do not use the dispatcher (mocks, wrappers).
   */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.#reason) return Promise.reject(this.#reason);
    return new Promise<T>((resolve, reject) => {
      this.#reject = reject;
      promise.then(resolve, reject);
    });
  }

  /**
   * Receives the function that aborts the request on the wire (from the dispatcher): called at
   * once if the attempt is already stopped, else when it stops.
   */
  attach(abortRequest: (reason: Error) => void): void {
    if (this.#reason) abortRequest(this.#reason);
    else this.#abortRequest = abortRequest;
  }

  onStop(callback: (() => void) | undefined): void {
    this.#stopCallback = callback;
  }

  /** Clears the timer and the listeners; call once the attempt is over. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#reject = undefined;
    this.#abortRequest = undefined;
    this.#stopCallback = undefined;
    for (const signal of this.#callers) signal.removeEventListener('abort', this.#onCallerAbort);
  }

  #fire(stop: AttemptStop, callerReason: unknown): void {
    if (this.#stop) return;
    this.#stop = stop;
    this.#callerReason = callerReason;
    const reason = new Error(stop === 'timeout' ? 'the attempt timed out' : 'the caller aborted');
    this.#reason = reason;
    this.#controller?.abort(reason);
    this.#abortRequest?.(reason);
    this.#stopCallback?.();
    this.#reject?.(reason);
  }
}
