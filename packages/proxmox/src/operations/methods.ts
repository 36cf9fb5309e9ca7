import type { APIRequester } from '../tasks/requester.js';
import type { AnyOperation } from './define.js';
import { type Operations, operations } from './index.js';

/** The client method an operation becomes: its arguments without the requester. */
export type OperationMethod<TOperation> = TOperation extends {
  invoke(api: APIRequester, ...args: infer TArgs): infer TResult;
}
  ? (...args: TArgs) => TResult
  : never;

/** The typed methods of `ProxmoxClient`, one per operation, with the operation's TSDoc. */
export type OperationMethods = { [Name in keyof Operations]: OperationMethod<Operations[Name]> };

/**
 * Puts one method per operation on a class's prototype (non-enumerable, like class methods),
 * each calling the operation with the instance as its requester.
 */
export function installOperationMethods(prototype: APIRequester): void {
  for (const [name, operation] of Object.entries(operations) as [string, AnyOperation][]) {
    const invoke = operation.invoke as (api: APIRequester, ...args: unknown[]) => unknown;
    const method = {
      [name](this: APIRequester, ...args: unknown[]): unknown {
        return invoke(this, ...args);
      },
    }[name];
    Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true });
  }
}
