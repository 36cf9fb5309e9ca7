import type { MethodPrivileges } from '../privileges/types.js';
import type { APIRequester } from '../tasks/requester.js';
import type { RequestParameters } from '../transport/encoding.js';
import type { HTTPMethod } from '../transport/transport.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { fillPath, type PathValues } from './path-template.js';

/**
 * One client method, defined once: what it needs (its privileges), whether it starts a task on
 * the host, and how it runs against anything that sends API requests. The client's methods,
 * `requiredPrivileges` and `ClientMethodName` are all derived from the table of operations.
 */
export interface Operation<TArgs extends readonly unknown[], TResult> {
  /** The endpoints the method calls and every privilege check PVE makes for them. */
  readonly privileges: MethodPrivileges;
  /** Whether the method resolves to the UPID of a task the host started. */
  readonly returnsUPID: boolean;
  /** Runs the method: arguments are validated first, and nothing is sent when one is wrong. */
  invoke(api: APIRequester, ...args: TArgs): TResult;
}

/** What an operation's `request` builds from the caller's arguments, all of it validated. */
export interface OperationRequest<TPath extends string> {
  /** A value for every placeholder of the path template. */
  readonly path: PathValues<TPath>;
  /** The query (GET, DELETE) or form body (POST, PUT); `undefined` values are dropped. */
  readonly parameters?: RequestParameters | undefined;
  /** The caller's per-call signal and timeout. */
  readonly call?: CallOptions | undefined;
}

/** How an operation turns the host's `data` into its result. */
export interface Answer<TResult, TRequest> {
  /** Whether the result is (or may be) the UPID of a task the host started. */
  readonly upid: boolean;
  /**
   * Validates and normalises `data`; `endpoint` (`GET /nodes/pve/lxc`) names the call in errors.
   * `request` is what the operation sent, for answers completed from it.
   */
  parse(data: unknown, endpoint: string, request: TRequest): TResult;
}

/** The privileges of a single-request operation: its one endpoint comes from method and path. */
export type SingleEndpointPrivileges = Omit<MethodPrivileges, 'endpoints'>;

/** The definition of an operation that sends one request. */
export interface OperationSpec<
  TPath extends string,
  TArgs extends readonly unknown[],
  TRequest extends OperationRequest<TPath>,
  TResult,
> {
  /** The HTTP method. */
  readonly method: HTTPMethod;
  /** The path template as PVE's API schema spells it, e.g. `/nodes/{node}/lxc/{vmid}/config`. */
  readonly path: TPath;
  /** The privilege checks PVE makes for the endpoint. */
  readonly privileges: SingleEndpointPrivileges;
  /**
   * Validates the caller's arguments (throwing `InvalidArgumentError` naming the first bad one)
   * and builds the path values, parameters and call options.
   */
  readonly request: (...args: TArgs) => TRequest;
  /** How the answer is validated. */
  readonly answer: Answer<TResult, NoInfer<TRequest>>;
}

/**
 * Defines an operation that sends one request: validate the arguments, fill the path, send the
 * parameters as the query (GET, DELETE) or the form body (POST, PUT), validate the answer.
 */
export function defineOperation<
  const TPath extends string,
  TArgs extends readonly unknown[],
  TRequest extends OperationRequest<TPath>,
  TResult,
>(spec: OperationSpec<TPath, TArgs, TRequest, TResult>): Operation<TArgs, Promise<TResult>> {
  const inQuery = spec.method === 'GET' || spec.method === 'DELETE';
  return {
    privileges: { endpoints: [{ method: spec.method, path: spec.path }], ...spec.privileges },
    returnsUPID: spec.answer.upid,
    async invoke(api: APIRequester, ...args: TArgs): Promise<TResult> {
      const request = spec.request(...args);
      const path = fillPath(spec.path, request.path);
      const parameters = request.parameters;
      const options = requestOptions(
        request.call,
        parameters === undefined ? {} : inQuery ? { query: parameters } : { body: parameters },
      );
      const { data } = await api.request(spec.method, path, options);
      return spec.answer.parse(data, `${spec.method} ${path}`, request);
    },
  };
}

/** The definition of an operation built from several requests (waiting for a task, its log). */
export interface CompositeSpec<TArgs extends readonly unknown[], TResult> {
  /** Every endpoint the operation may call, and the privilege checks PVE makes for them. */
  readonly privileges: MethodPrivileges;
  /** Runs the operation. */
  readonly run: (api: APIRequester, ...args: TArgs) => TResult;
}

/**
 * Defines an operation that is more than one request and resolves once; it never starts a task
 * itself. Its result is a promise, as the client's method of any operation outside the tasks'
 * table must be: such a method waits for the table of operations to load first
 * (client/operation-table.ts).
 */
export function defineComposite<TArgs extends readonly unknown[], TResult>(
  spec: CompositeSpec<TArgs, Promise<TResult>>,
): Operation<TArgs, Promise<TResult>> {
  return { privileges: spec.privileges, returnsUPID: false, invoke: spec.run };
}

/**
 * Defines an operation whose result is an async iterator (a task's log, followed while the task
 * runs). Its client method is generated as an async generator, so nothing runs before the first
 * `next()`.
 */
export function defineIterator<TArgs extends readonly unknown[], TItem>(
  spec: CompositeSpec<TArgs, AsyncGenerator<TItem, void, undefined>>,
): Operation<TArgs, AsyncGenerator<TItem, void, undefined>> {
  return { privileges: spec.privileges, returnsUPID: false, invoke: spec.run };
}
