/**
 * Waits `ms` milliseconds unless one of `signals` fires first. Resolves to the signal that
 * fired, or `undefined` after the full wait.
 */
export function sleepUnlessAborted(
  ms: number,
  signals: readonly AbortSignal[],
): Promise<AbortSignal | undefined> {
  for (const signal of signals) if (signal.aborted) return Promise.resolve(signal);
  return new Promise((resolve) => {
    const onAbort = (event: Event): void => {
      finish(event.target as AbortSignal);
    };
    const finish = (signal: AbortSignal | undefined): void => {
      clearTimeout(timer);
      for (const each of signals) each.removeEventListener('abort', onAbort);
      resolve(signal);
    };
    const timer = setTimeout(() => finish(undefined), ms);
    for (const signal of signals) signal.addEventListener('abort', onAbort);
  });
}
