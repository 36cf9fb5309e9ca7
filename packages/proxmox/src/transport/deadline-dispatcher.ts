import type { Dispatcher } from 'undici';
import type { AttemptDeadline } from './attempt-deadline.js';

/** What `fetch` needs of a dispatcher: `dispatch`. */
export interface DispatchTarget {
  dispatch(options: Dispatcher.DispatchOptions, handler: object): boolean;
}

type Abort = (reason: Error) => void;
type Method = ((...args: unknown[]) => unknown) | undefined;

/**
 * The dispatcher of one attempt: passes the request to the client's agent and hands the
 * attempt's deadline the function that aborts this very request (undici gives it to the
 * handler's `onConnect`, or, in its newer handler API, `onRequestStart`'s controller).
 *
 * Why not one more `AbortSignal`: every signal `fetch` is given registers a listener and a
 * finalization-registry entry that live until a full garbage collection (docs/performance.md).
 * ky already gives each request the signal of its own controller; the deadline does not add a
 * second one. Aborting through the dispatcher ends the request (and frees its socket).
 */
export class DeadlineDispatcher implements DispatchTarget {
  readonly #agent: DispatchTarget;
  readonly #deadline: AttemptDeadline;

  constructor(agent: DispatchTarget, deadline: AttemptDeadline) {
    this.#agent = agent;
    this.#deadline = deadline;
  }

  dispatch(options: Dispatcher.DispatchOptions, handler: object): boolean {
    const watched =
      typeof (handler as { onRequestStart?: unknown }).onRequestStart === 'function'
        ? new ControllerHandler(handler as Record<string, Method>, this.#deadline)
        : new LegacyHandler(handler as Record<string, Method>, this.#deadline);
    return this.#agent.dispatch(options, watched);
  }
}

// Both handler classes forward every method undici calls (the set undici's own WrapHandler
// forwards) to the original handler, called on it, so its `this` is unchanged. Classes keep one
// shape for every request.

/** undici's first handler API, which fetch uses: `onConnect(abort)` … `onComplete`/`onError`. */
class LegacyHandler {
  readonly #handler: Record<string, Method>;
  readonly #deadline: AttemptDeadline;

  constructor(handler: Record<string, Method>, deadline: AttemptDeadline) {
    this.#handler = handler;
    this.#deadline = deadline;
  }

  onConnect(abort: Abort, context?: unknown): unknown {
    const result = this.#handler.onConnect?.call(this.#handler, abort, context);
    this.#deadline.attach(abort);
    return result;
  }

  onResponseStarted(): unknown {
    return this.#handler.onResponseStarted?.call(this.#handler);
  }

  onHeaders(status: number, headers: unknown, resume: unknown, statusText: string): unknown {
    return this.#handler.onHeaders?.call(this.#handler, status, headers, resume, statusText);
  }

  onUpgrade(status: number, headers: unknown, socket: unknown): unknown {
    return this.#handler.onUpgrade?.call(this.#handler, status, headers, socket);
  }

  onData(chunk: unknown): unknown {
    return this.#handler.onData?.call(this.#handler, chunk);
  }

  onComplete(trailers: unknown): unknown {
    return this.#handler.onComplete?.call(this.#handler, trailers);
  }

  onError(error: unknown): unknown {
    return this.#handler.onError?.call(this.#handler, error);
  }
}

/** undici's newer handler API: `onRequestStart(controller)` … `onResponseEnd`/`onResponseError`. */
class ControllerHandler {
  readonly #handler: Record<string, Method>;
  readonly #deadline: AttemptDeadline;

  constructor(handler: Record<string, Method>, deadline: AttemptDeadline) {
    this.#handler = handler;
    this.#deadline = deadline;
  }

  onRequestStart(controller: { abort(reason: Error): void }, context?: unknown): unknown {
    const result = this.#handler.onRequestStart?.call(this.#handler, controller, context);
    this.#deadline.attach((reason) => controller.abort(reason));
    return result;
  }

  onRequestUpgrade(controller: unknown, status: number, headers: unknown, socket: unknown): unknown {
    return this.#handler.onRequestUpgrade?.call(this.#handler, controller, status, headers, socket);
  }

  onResponseStart(controller: unknown, status: number, headers: unknown, statusText: string): unknown {
    return this.#handler.onResponseStart?.call(this.#handler, controller, status, headers, statusText);
  }

  onResponseData(controller: unknown, chunk: unknown): unknown {
    return this.#handler.onResponseData?.call(this.#handler, controller, chunk);
  }

  onResponseEnd(controller: unknown, trailers: unknown): unknown {
    return this.#handler.onResponseEnd?.call(this.#handler, controller, trailers);
  }

  onResponseError(controller: unknown, error: unknown): unknown {
    return this.#handler.onResponseError?.call(this.#handler, controller, error);
  }
}
