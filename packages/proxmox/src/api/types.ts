import type {
  ApiDeleteEndpoints,
  ApiGetEndpoints,
  ApiPostEndpoints,
  ApiPutEndpoints,
} from './generated/endpoint-types.js';

/** Every endpoint of the PVE API by HTTP method, then path template. */
export interface ApiEndpointMap {
  readonly GET: ApiGetEndpoints;
  readonly POST: ApiPostEndpoints;
  readonly PUT: ApiPutEndpoints;
  readonly DELETE: ApiDeleteEndpoints;
}

/** An HTTP method of the PVE API. */
export type ApiMethod = keyof ApiEndpointMap;

/** The path templates of one method, e.g. `'/nodes/{node}/qemu'` for `GET`. */
export type ApiPath<M extends ApiMethod> = keyof ApiEndpointMap[M] & string;

/** An endpoint as `METHOD /path/template`, e.g. `'GET /nodes/{node}/qemu'`. */
export type ApiEndpointKey = { [M in ApiMethod]: `${M} ${ApiPath<M>}` }[ApiMethod];

type Entry<M extends ApiMethod, P extends ApiPath<M>> = ApiEndpointMap[M][P] & {
  readonly path: object;
  readonly returns: unknown;
};

/** Where a method's parameters go: the query string (GET, DELETE) or the form body (POST, PUT). */
export type ApiParameterPlace<M extends ApiMethod> = M extends 'GET' | 'DELETE' ? 'query' : 'body';

/** Per-call options every generated call takes. */
export interface ApiCallOptions {
  /** Cancels this call (combined with the client's `signal`). */
  readonly signal?: AbortSignal;
  /** This call's per-attempt timeout in ms, instead of the client's. */
  readonly timeout?: number;
}

type PathPart<E extends { readonly path: object }> = object extends E['path']
  ? { readonly path?: E['path'] }
  : { readonly path: E['path'] };

type ParametersPart<K extends string, T> = object extends T
  ? { readonly [P in K]?: T }
  : { readonly [P in K]: T };

/**
 * The options of a call of `M P`: `path` (the placeholders), `query` or `body` (the
 * parameters), plus {@link ApiCallOptions}. A part whose members are all optional may be left
 * out.
 */
export type ApiRequestOptions<M extends ApiMethod, P extends ApiPath<M>> = PathPart<Entry<M, P>> &
  ParametersPart<
    ApiParameterPlace<M>,
    ApiEndpointMap[M][P][ApiParameterPlace<M> & keyof ApiEndpointMap[M][P]]
  > &
  ApiCallOptions;

/** What a call of `M P` resolves to: the answer's `data`, read as the schema documents it. */
export type ApiResult<M extends ApiMethod, P extends ApiPath<M>> = Entry<M, P>['returns'];

/** The options argument: optional when nothing in it is required. */
export type ApiOptionsArgument<M extends ApiMethod, P extends ApiPath<M>> =
  object extends ApiRequestOptions<M, P>
    ? [options?: ApiRequestOptions<M, P>]
    : [options: ApiRequestOptions<M, P>];

/**
 * The whole PVE API, one typed function per HTTP method, keyed by path template. Made by
 * `createApi`.
 */
export interface Api {
  /** Calls a `GET` endpoint; retried on transient failures like every GET. */
  get<P extends ApiPath<'GET'>>(
    path: P,
    ...options: ApiOptionsArgument<'GET', P>
  ): Promise<ApiResult<'GET', P>>;
  /** Calls a `POST` endpoint (never retried). */
  post<P extends ApiPath<'POST'>>(
    path: P,
    ...options: ApiOptionsArgument<'POST', P>
  ): Promise<ApiResult<'POST', P>>;
  /** Calls a `PUT` endpoint (never retried). */
  put<P extends ApiPath<'PUT'>>(
    path: P,
    ...options: ApiOptionsArgument<'PUT', P>
  ): Promise<ApiResult<'PUT', P>>;
  /** Calls a `DELETE` endpoint (never retried). */
  delete<P extends ApiPath<'DELETE'>>(
    path: P,
    ...options: ApiOptionsArgument<'DELETE', P>
  ): Promise<ApiResult<'DELETE', P>>;
}
