/** Why an attempt was cut short. */
export type AttemptStop = 'timeout' | 'caller';

/**
 * One attempt's single deadline: a timer started before the connection is opened that covers
 * connecting, the TLS handshake, the response headers and the whole body (of a success or an
 * error), plus the caller's signals. Either one aborts the request through the function the
 * dispatcher attached ({@link attach}), aborts {@link signal} (given to the body reader, and to an
 * injected fetch), settles {@link race}, and remembers which fired.
 *
 * Linking the caller's signals with listeners instead of `AbortSignal.any` keeps the per-call
 * cost low (`AbortSignal.any` costs tens of µs on Node 20; see docs/performance.md).
 */
export class AttemptDeadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callers: readonly AbortSignal[];
  #stop: AttemptStop | undefined;
  #callerReason: unknown;
  #onStop: ((reason: unknown) => void) | undefined;
  #abortRequest: ((reason: Error) => void) | undefined;
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

  /** Aborted at the deadline or when a caller aborts. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** What stopped the attempt, if anything did. */
  get stop(): AttemptStop | undefined {
    return this.#stop;
  }

  /** The reason of the caller's signal that fired. */
  get callerReason(): unknown {
    return this.#callerReason;
  }

  /**
   * Settles with `promise`, or rejects as soon as the deadline or a caller abort fires, for
   * fetch implementations that do not honour the signal (mocks, wrappers).
   */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.#stop) return Promise.reject(this.signal.reason);
    return new Promise<T>((resolve, reject) => {
      this.#onStop = reject;
      promise.then(resolve, reject);
    });
  }

  /**
   * Receives the function that aborts the request on the wire (from the dispatcher): called at
   * once if the attempt is already stopped, else when it stops.
   */
  attach(abortRequest: (reason: Error) => void): void {
    if (this.#stop) abortRequest(this.signal.reason as Error);
    else this.#abortRequest = abortRequest;
  }

  /** Clears the timer and the listeners; call once the attempt is over. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#onStop = undefined;
    this.#abortRequest = undefined;
    for (const signal of this.#callers) signal.removeEventListener('abort', this.#onCallerAbort);
  }

  #fire(stop: AttemptStop, reason: unknown): void {
    if (this.#stop) return;
    this.#stop = stop;
    this.#callerReason = reason;
    const why = new Error(stop === 'timeout' ? 'the attempt timed out' : 'the caller aborted');
    this.#controller.abort(why);
    this.#abortRequest?.(why);
    this.#onStop?.(why);
  }
}
