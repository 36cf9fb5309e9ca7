import { describe, expect, it, vi } from 'vitest';
import { AttemptDeadline } from '../../src/transport/attempt-deadline.js';
import { DeadlineDispatcher } from '../../src/transport/deadline-dispatcher.js';

// The dispatcher hands the attempt's deadline the request's abort function in both of undici's
// handler APIs, and forwards every call to the original handler with its own `this`.

function agentCalling(start: (handler: Record<string, (...args: unknown[]) => unknown>) => void) {
  return {
    dispatch(_options: unknown, handler: object) {
      start(handler as Record<string, (...args: unknown[]) => unknown>);
      return true;
    },
  };
}

describe('DeadlineDispatcher', () => {
  it('aborts through onConnect (the API fetch uses) and forwards the rest on the original', () => {
    vi.useFakeTimers();
    try {
      const deadline = new AttemptDeadline(100, []);
      const abort = vi.fn();
      const seen: string[] = [];
      const original = {
        name: 'fetch handler',
        onConnect(this: { name: string }) {
          seen.push(`connect:${this.name}`);
        },
        onHeaders(this: { name: string }, status: unknown) {
          seen.push(`headers:${status}:${this.name}`);
          return true;
        },
        onData(this: { name: string }) {
          seen.push(`data:${this.name}`);
          return true;
        },
      };
      const dispatcher = new DeadlineDispatcher(
        agentCalling((handler) => {
          handler.onConnect?.(abort);
          expect(handler.onHeaders?.(200, [], () => undefined, 'OK')).toBe(true);
          handler.onData?.(Buffer.from('x'));
          // Methods the original lacks are no-ops.
          expect(handler.onComplete?.([])).toBeUndefined();
        }),
        deadline,
      );
      dispatcher.dispatch({ path: '/', method: 'GET' } as never, original);
      expect(seen).toEqual(['connect:fetch handler', 'headers:200:fetch handler', 'data:fetch handler']);
      expect(abort).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(abort).toHaveBeenCalledOnce();
      expect(deadline.stop).toBe('timeout');
      deadline.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it("aborts through the controller of onRequestStart (undici's newer API)", () => {
    const caller = new AbortController();
    const deadline = new AttemptDeadline(60_000, [caller.signal]);
    const controller = { abort: vi.fn() };
    const original = { onRequestStart: vi.fn(), onResponseEnd: vi.fn() };
    new DeadlineDispatcher(
      agentCalling((handler) => {
        handler.onRequestStart?.(controller);
        handler.onResponseEnd?.(controller, {});
      }),
      deadline,
    ).dispatch({ path: '/', method: 'GET' } as never, original);
    expect(original.onRequestStart).toHaveBeenCalledWith(controller, undefined);
    expect(original.onResponseEnd).toHaveBeenCalledWith(controller, {});
    caller.abort(new Error('stop'));
    expect(controller.abort).toHaveBeenCalledOnce();
    expect(deadline.stop).toBe('caller');
    deadline.dispose();
  });

  it('aborts at once a request that starts after the deadline fired', () => {
    const caller = new AbortController();
    caller.abort();
    const deadline = new AttemptDeadline(60_000, [caller.signal]);
    const abort = vi.fn();
    new DeadlineDispatcher(
      agentCalling((handler) => handler.onConnect?.(abort)),
      deadline,
    ).dispatch({ path: '/', method: 'GET' } as never, { onConnect() {} });
    expect(abort).toHaveBeenCalledOnce();
    deadline.dispose();
  });
});
