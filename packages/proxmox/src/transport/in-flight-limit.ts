/**
 * A counting semaphore: at most `limit` holders at once, the rest wait in FIFO order. Used to cap
 * a client's in-flight requests, because pveproxy runs only a few workers per node.
 */
export class InFlightLimit {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Takes a free slot at once if there is one: the release function, or `undefined`. */
  tryAcquire(): (() => void) | undefined {
    if (this.#active >= this.#limit) return undefined;
    this.#active++;
    return this.#releaser();
  }

  /**
   * Waits for a free slot. Resolves to the release function (call it exactly once).
   * Rejects with the reason of the first of `signals` that fires while waiting.
   */
  acquire(signals: readonly AbortSignal[] = []): Promise<() => void> {
    for (const signal of signals) signal.throwIfAborted();
    if (this.#active < this.#limit) {
      this.#active++;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const detach = (): void => {
        for (const signal of signals) signal.removeEventListener('abort', onAbort);
      };
      const grant = (): void => {
        detach();
        this.#active++;
        resolve(this.#releaser());
      };
      const onAbort = (event: Event): void => {
        detach();
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject((event.target as AbortSignal).reason);
      };
      for (const signal of signals) signal.addEventListener('abort', onAbort);
      this.#waiting.push(grant);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active--;
      this.#waiting.shift()?.();
    };
  }
}
