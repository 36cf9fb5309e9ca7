/** A standard `AbortError` (as fetch and timers/promises throw), carrying the signal's reason as `cause`. */
export function abortError(signal: AbortSignal): Error {
  const error = new DOMException('The operation was aborted', 'AbortError');
  Object.defineProperty(error, 'cause', { value: signal.reason, enumerable: false, configurable: true });
  return error;
}
