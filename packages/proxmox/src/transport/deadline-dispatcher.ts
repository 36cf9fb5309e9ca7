import type { Dispatcher } from 'undici';
import type { AttemptDeadline } from './attempt-deadline.js';

/** What `fetch` needs of a dispatcher: `dispatch`. */
export interface DispatchTarget {
  dispatch(options: Dispatcher.DispatchOptions, handler: object): boolean;
}

type Handler = Record<string, unknown>;

/**
 * A dispatcher for one attempt: passes the request to `agent` and hands the attempt's deadline
 * the function that aborts this very request (undici gives it to the handler's `onConnect`, or,
 * in the newer handler API, `onRequestStart`'s controller).
 *
 * Why not an `AbortSignal`: every `fetch` given a signal registers a listener and a
 * finalization-registry entry that live until a full garbage collection, which costs 10–15 MB of
 * peak memory over 1000 concurrent waits and measurable CPU per call (docs/performance.md).
 * Aborting through the dispatcher ends the request (and frees its socket) the same way.
 */
export function deadlineDispatcher(agent: DispatchTarget, deadline: AttemptDeadline): DispatchTarget {
  return {
    dispatch(options, handler) {
      return agent.dispatch(options, watched(handler as Handler, deadline));
    },
  };
}

/**
 * `handler` with every method forwarded to it (called on the original, whose methods use
 * `this`), and the abort function it receives passed to the deadline as well.
 */
function watched(handler: Handler, deadline: AttemptDeadline): Handler {
  const wrapper: Handler = {};
  for (
    let source: object | null = handler;
    source && source !== Object.prototype;
    source = Object.getPrototypeOf(source)
  ) {
    for (const name of Object.getOwnPropertyNames(source)) {
      const method = handler[name];
      if (name === 'constructor' || name in wrapper || typeof method !== 'function') continue;
      wrapper[name] = (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(handler, args);
    }
  }
  const onConnect = wrapper.onConnect as
    | ((abort: (reason: Error) => void, context?: unknown) => unknown)
    | undefined;
  if (onConnect) {
    wrapper.onConnect = (abort: (reason: Error) => void, context?: unknown) => {
      const result = onConnect(abort, context);
      deadline.attach(abort);
      return result;
    };
  }
  const onRequestStart = wrapper.onRequestStart as
    | ((controller: { abort(reason: Error): void }, context?: unknown) => unknown)
    | undefined;
  if (onRequestStart) {
    wrapper.onRequestStart = (controller: { abort(reason: Error): void }, context?: unknown) => {
      const result = onRequestStart(controller, context);
      deadline.attach((reason) => controller.abort(reason));
      return result;
    };
  }
  return wrapper;
}
