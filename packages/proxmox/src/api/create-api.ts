import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { parseFreshResponse, type ResponseSchema } from '../schemas/parse.js';
import { parseTaskUPID } from '../schemas/task-upid.js';
import type { APIRequester } from '../tasks/requester.js';
import { topAnswerSchema } from './answer-schema.js';
import { prepareRequest } from './prepare-request.js';
import type { EndpointRow } from './schema.js';
import { endpointRow, schemaAt } from './table.js';
import type { Api, ApiCallOptions, ApiMethod } from './types.js';

// One generic call behind `api.get/post/put/delete`: look the endpoint up, check and encode the
// parameters (nothing is sent when they are wrong), send through the client, read the answer
// with the endpoint's reader. Readers are built on first use and kept per schema.

const readers = new Map<number, ResponseSchema>();

function readerFor(index: number): ResponseSchema {
  let reader = readers.get(index);
  if (!reader) {
    reader = topAnswerSchema(schemaAt(index));
    readers.set(index, reader);
  }
  return reader;
}

function readAnswer(row: EndpointRow, data: unknown, endpoint: string): unknown {
  switch (row[5]) {
    case 1:
      return parseTaskUPID(data, endpoint);
    case 2:
      return data === null || data === undefined ? null : parseTaskUPID(data, endpoint);
    case 3:
      // vzdump's `OK`: none of the guests it names is on this node; no task was started.
      return data === 'OK' ? null : parseTaskUPID(data, endpoint);
    default:
      return parseFreshResponse(readerFor(row[4]), data, endpoint);
  }
}

interface LooseOptions extends ApiCallOptions {
  readonly path?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

async function call(requester: APIRequester, method: ApiMethod, template: string, options: unknown) {
  if (typeof template !== 'string') throw new InvalidArgumentError('path', template, 'a path template');
  const row = endpointRow(method, template);
  if (!row)
    throw new InvalidArgumentError(
      'path',
      template,
      `a path template of a ${method} endpoint of the PVE API`,
    );
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidArgumentError('options', options, 'an options object');
  }
  const given = (options ?? {}) as LooseOptions;
  const where = method === 'GET' || method === 'DELETE' ? 'query' : 'body';
  const other = where === 'query' ? 'body' : 'query';
  if (given[other] !== undefined) {
    throw new InvalidArgumentError(
      other,
      given[other],
      `no ${other}: ${method} parameters go in options.${where}`,
    );
  }
  const prepared = prepareRequest(
    template,
    schemaAt(row[3]),
    {
      path: given.path as Readonly<Record<string, unknown>> | undefined,
      params: given[where] as Readonly<Record<string, unknown>> | undefined,
    },
    where,
  );
  const response = await requester.request(method, prepared.path, {
    [where]: prepared.parameters,
    ...(given.signal ? { signal: given.signal } : {}),
    ...(given.timeout !== undefined ? { timeout: given.timeout } : {}),
  });
  return readAnswer(row, response.data, `${method} ${prepared.path}`);
}

/**
 * The whole PVE API as typed calls keyed by HTTP method and path template, generated from
 * Proxmox's own API schema (PVE 8.4, 9.0 and 9.1):
 *
 * ```ts
 * const api = createApi(client);
 * const status = await api.get('/nodes/{node}/qemu/{vmid}/status/current', { path: { node: 'pve1', vmid: 100 } });
 * const upid = await api.post('/nodes/{node}/qemu/{vmid}/status/start', { path: { node: 'pve1', vmid: 100 } });
 * await client.waitTask(upid);
 * ```
 *
 * Parameters are checked against the schema before anything is sent (InvalidArgumentError
 * naming the parameter); property-string parameters may be given as objects; answers are
 * read leniently and checked (ResponseShapeError naming the field); calls that start a task
 * resolve to its parsed `UPID`.
 *
 * @param requester A `ProxmoxClient` (or anything with its `request` method).
 */
export function createApi(requester: APIRequester): Api {
  if (typeof requester?.request !== 'function') {
    throw new InvalidArgumentError(
      'requester',
      requester,
      'a ProxmoxClient (an object with a request method)',
    );
  }
  const api = {
    get: (path: string, options?: unknown) => call(requester, 'GET', path, options),
    post: (path: string, options?: unknown) => call(requester, 'POST', path, options),
    put: (path: string, options?: unknown) => call(requester, 'PUT', path, options),
    delete: (path: string, options?: unknown) => call(requester, 'DELETE', path, options),
  };
  return api as unknown as Api;
}
