/**
 * `@felhom/proxmox/testing/msw`: the simulated cluster behind msw request handlers, for unit tests
 * that call the client with the global `fetch`. A separate entry so the model and the HTTPS
 * server never load msw.
 *
 * @packageDocumentation
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { handleSimulatorRequest } from './api/handle.js';
import type { SimulatedCluster } from './model/cluster.js';

/** Options of {@link createSimulatorHandlers}. */
export interface SimulatorHandlersOptions {
  /**
   * The base URL the client under test is configured with (scheme, host, port).
   * @default 'https://127.0.0.1:8006'
   */
  readonly baseUrl?: string;
}

/**
 * msw handlers answering every method under `<baseUrl>/api2/json/*` from the cluster, with the
 * host's status codes, reason phrases and bodies. Use with `setupServer(...handlers)`.
 */
export function createSimulatorHandlers(
  cluster: SimulatedCluster,
  options: SimulatorHandlersOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? 'https://127.0.0.1:8006').replace(/\/+$/, '');
  return [
    http.all(`${base}/api2/json/*`, async ({ request }) => {
      const answer = handleSimulatorRequest(cluster, {
        method: request.method,
        url: request.url,
        authorization: request.headers.get('authorization') ?? undefined,
        contentType: request.headers.get('content-type') ?? undefined,
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
      });
      return new HttpResponse(answer.body === '' ? null : answer.body, {
        status: answer.status,
        statusText: answer.reason,
        headers: answer.headers,
      });
    }),
  ];
}
