import { ProxmoxClient, type ProxmoxClientOptions } from '@felhom/proxmox';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The simulated host every msw test talks to (msw answers before any DNS lookup). */
export const origin = 'https://pve.test:8006';
/** The API base under {@link origin}. */
export const api = `${origin}/api2/json`;

/** A token whose secret the secrets tests search for in every output. */
export const token = { id: 'felhom@pve!agent', secret: '5f3b9c1e-8a2d-4b7f-9e61-0c4d2a7b8e93' } as const;

/** One msw server per test file; unhandled requests fail the test. */
export const server = setupServer();

/** Installs msw for the current test file. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/** A client for the simulated host. */
export function newClient(overrides: Partial<ProxmoxClientOptions> = {}): ProxmoxClient {
  return new ProxmoxClient({ baseUrl: origin, token, ...overrides });
}

/**
 * An error response as pveproxy sends it: the reason phrase is the message's first line
 * (PVE::APIServer::AnyEvent::response). `modern` (libpve-http-server ≥ 5.2.0, PVE ≥ 8.3) also
 * puts the full message, trailing newline kept, in the JSON body; older hosts send only
 * `{"data":null}` (plus `errors`).
 */
export function pveError(
  status: number,
  message: string,
  options: { modern: boolean; errors?: Record<string, string> },
): Response {
  const reasonPhrase = message.split('\n')[0] ?? '';
  const body: Record<string, unknown> = { data: null };
  if (options.errors) body.errors = options.errors;
  if (options.modern) body.message = message.endsWith('\n') ? message : `${message}\n`;
  return new Response(JSON.stringify(body), {
    status,
    statusText: reasonPhrase,
    headers: { 'content-type': 'application/json;charset=UTF-8', server: 'pve-api-daemon/3.0' },
  });
}

/** A 401 as auth_handler produces it: outside the formatter, so the body is empty. */
export function pve401(reasonPhrase: string): Response {
  return new Response('', {
    status: 401,
    statusText: reasonPhrase,
    headers: { server: 'pve-api-daemon/3.0' },
  });
}

/** A success envelope, with `total` when given. */
export function pveData(data: unknown, total?: number): Response {
  return Response.json(total === undefined ? { data } : { data, total });
}

/** Runs `action` and returns what it threw (fails the test if it did not throw). */
export async function caught(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
