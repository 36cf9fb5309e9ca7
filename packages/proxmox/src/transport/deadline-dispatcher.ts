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
 * `handler` seen through an object whose prototype it is, with `onConnect` (or, in undici's
 * newer handler API, `onRequestStart`) also handing the request's abort function to the
 * deadline. Every other property is the handler's own; its methods run with the wrapper as
 * `this`, which reads and writes through to the same fields (fetch's handlers are plain
 * objects). One small object per request instead of a bound copy of each method.
 */
function watched(handler: Handler, deadline: AttemptDeadline): Handler {
  const wrapper = Object.create(handler) as Handler;
  const onConnect = handler.onConnect as
    | ((abort: (reason: Error) => void, context?: unknown) => unknown)
    | undefined;
  if (typeof onConnect === 'function') {
    wrapper.onConnect = function (this: Handler, abort: (reason: Error) => void, context?: unknown) {
      const result = onConnect.call(this, abort, context);
      deadline.attach(abort);
      return result;
    };
  }
  const onRequestStart = handler.onRequestStart as
    | ((controller: { abort(reason: Error): void }, context?: unknown) => unknown)
    | undefined;
  if (typeof onRequestStart === 'function') {
    wrapper.onRequestStart = function (
      this: Handler,
      controller: { abort(reason: Error): void },
      context?: unknown,
    ) {
      const result = onRequestStart.call(this, controller, context);
      deadline.attach((reason) => controller.abort(reason));
      return result;
    };
  }
  return wrapper;
}
