import {
  AbortedError,
  APIError,
  encodePathSegment,
  InvalidArgumentError,
  NetworkError,
  type ProxmoxLogEvent,
  ResponseShapeError,
  TimeoutError,
} from '@felhom/proxmox';
import { delay, HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, caught, newClient, origin, pveData, pveError, server, token, useMsw } from './support/msw.js';

useMsw();
afterEach(() => {
  vi.useRealTimers();
});

describe('request', () => {
  it('sends the token header and unwraps data, keeping total', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(`${api}/nodes/pve/tasks`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return pveData([{ upid: 'x' }], 91);
      }),
    );
    const response = await newClient().request('GET', '/nodes/pve/tasks');
    expect(response).toEqual({ data: [{ upid: 'x' }], total: 91 });
    expect(authorization).toBe(`PVEAPIToken=${token.id}=${token.secret}`);
  });

  it('leaves total out when the host sent none', async () => {
    server.use(
      http.get(`${api}/version`, () =>
        pveData({ version: '8.4.1', release: '8.4', repoid: '2a2fa54b8503f96c' }),
      ),
    );
    const response = await newClient().request('GET', '/version');
    expect(response).toStrictEqual({
      data: { version: '8.4.1', release: '8.4', repoid: '2a2fa54b8503f96c' },
    });
  });

  it('accepts a baseUrl that already ends in /api2/json', async () => {
    server.use(http.get(`${api}/version`, () => pveData({ version: '9.0.3' })));
    const client = newClient({ baseUrl: `${origin}/api2/json/` });
    expect((await client.request('GET', '/version')).data).toEqual({ version: '9.0.3' });
  });

  it('encodes the query: booleans as 1/0, undefined dropped', async () => {
    let query = '';
    server.use(
      http.get(`${api}/nodes/pve/storage`, ({ request }) => {
        query = new URL(request.url).search;
        return pveData([]);
      }),
    );
    await newClient().request('GET', '/nodes/pve/storage', {
      query: { content: 'backup', enabled: true, format: false, target: undefined, limit: 50 },
    });
    expect(query).toBe('?content=backup&enabled=1&format=0&limit=50');
  });

  it('form-encodes POST bodies with booleans as 1/0', async () => {
    let contentType: string | null = null;
    let body = '';
    server.use(
      http.post(`${api}/nodes/pve/lxc/100/snapshot`, async ({ request }) => {
        contentType = request.headers.get('content-type');
        body = await request.text();
        return pveData('UPID:pve:00001234:00005678:6750A3C1:vzsnapshot:100:felhom@pve!agent:');
      }),
    );
    await newClient().request('POST', '/nodes/pve/lxc/100/snapshot', {
      body: { snapname: 'before upgrade', vmstate: false, description: undefined },
    });
    expect(contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(body).toString()).toBe('snapname=before+upgrade&vmstate=0');
  });

  it('encodes a path segment such as a volume id or UPID', async () => {
    let path = '';
    server.use(
      http.delete(`${api}/nodes/pve/storage/local/content/*`, ({ request }) => {
        path = new URL(request.url).pathname;
        return pveData(null);
      }),
    );
    const volume = 'local:backup/vzdump-lxc-100-2024_11_27-06_00_00.tar.zst';
    await newClient().request('DELETE', `/nodes/pve/storage/local/content/${encodePathSegment(volume)}`);
    expect(path).toBe(
      '/api2/json/nodes/pve/storage/local/content/local%3Abackup%2Fvzdump-lxc-100-2024_11_27-06_00_00.tar.zst',
    );
  });

  it.each(['nodes', '/nodes/../access', '/nodes/%2e%2e/access', '/version?x=1', '/nodes/p ve'])(
    'rejects the path %j before sending anything',
    async (path) => {
      const error = await caught(() => newClient().request('GET', path));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).parameter).toBe('path');
    },
  );

  it('rejects a method the API does not use, and a bad per-call timeout', async () => {
    const client = newClient();
    const method = (await caught(() => client.request('get' as 'GET', '/version'))) as InvalidArgumentError;
    expect(method.parameter).toBe('method');
    const timeout = (await caught(() =>
      client.request('GET', '/version', { timeout: -1 }),
    )) as InvalidArgumentError;
    expect(timeout.parameter).toBe('options.timeout');
  });

  it('raises ResponseShapeError for a 200 without the data envelope', async () => {
    server.use(http.get(`${api}/version`, () => new HttpResponse('<html>login</html>', { status: 200 })));
    const error = await caught(() => newClient().request('GET', '/version'));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).endpoint).toBe('GET /version');
  });

  it('uses an injected fetch and hands it the request ky built, with the token header', async () => {
    const seen: string[] = [];
    const fakeFetch = async (input: Parameters<typeof globalThis.fetch>[0]): Promise<Response> => {
      const request = input as Request;
      seen.push(`${request.method} ${request.url} ${request.headers.get('authorization')?.split('=')[0]}`);
      return Response.json({ data: { version: '7.4-3' } });
    };
    const client = newClient({ fetch: fakeFetch });
    expect((await client.request('GET', '/version')).data).toEqual({ version: '7.4-3' });
    expect(seen).toEqual([`GET ${api}/version PVEAPIToken`]);
  });
});

describe('retries', () => {
  function countingHandler(method: 'get' | 'post', path: string, responses: Array<() => Response>) {
    const calls: number[] = [];
    server.use(
      http[method](`${api}${path}`, () => {
        calls.push(Date.now());
        const next = responses[Math.min(calls.length - 1, responses.length - 1)];
        return next ? next() : pveData(null);
      }),
    );
    return calls;
  }

  it('retries a GET on a 5xx with jittered exponential backoff, then succeeds', async () => {
    vi.useFakeTimers();
    const calls = countingHandler('get', '/nodes', [
      () => pveError(500, 'unable to read cluster status', { modern: true }),
      () => pveError(502, 'Bad Gateway', { modern: false }),
      () => pveData([{ node: 'pve' }]),
    ]);
    const pending = newClient({ retry: { limit: 2, baseDelay: 1_000, maxDelay: 10_000 } }).request(
      'GET',
      '/nodes',
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // Equal jitter: the first retry waits between 500 and 1000 ms, the second 1000–2000 ms.
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(501);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toEqual({ data: [{ node: 'pve' }] });
    expect(calls).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = calls;
    expect(second - first).toBeGreaterThanOrEqual(500);
    expect(third - second).toBeGreaterThanOrEqual(1_000);
  });

  it('retries a GET on 595 (node unreachable) and gives up after the limit', async () => {
    vi.useFakeTimers();
    const calls = countingHandler('get', '/nodes/pve2/status', [
      () =>
        pveError(595, 'Errors during connection establishment, proxy handshake: No route to host', {
          modern: false,
        }),
    ]);
    const pending = caught(() => newClient({ retry: { limit: 3 } }).request('GET', '/nodes/pve2/status'));
    await vi.advanceTimersByTimeAsync(60_000);
    const error = (await pending) as APIError;
    expect(error.reason).toBe('node-unreachable');
    expect(calls).toHaveLength(4);
  });

  it('honours Retry-After', async () => {
    vi.useFakeTimers();
    const calls = countingHandler('get', '/cluster/resources', [
      () => {
        const response = pveError(503, 'Service Unavailable', { modern: false });
        response.headers.set('retry-after', '7');
        return response;
      },
      () => pveData([]),
    ]);
    const pending = newClient().request('GET', '/cluster/resources');
    await vi.advanceTimersByTimeAsync(6_990);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    await expect(pending).resolves.toEqual({ data: [] });
    expect(calls).toHaveLength(2);
  });

  it('does not retry a GET whose 500 says the object does not exist', async () => {
    vi.useFakeTimers();
    const calls = countingHandler('get', '/nodes/pve/lxc/101/config', [
      () => pveError(500, "Configuration file 'nodes/pve/lxc/101.conf' does not exist", { modern: true }),
    ]);
    const pending = caught(() => newClient().request('GET', '/nodes/pve/lxc/101/config'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(((await pending) as APIError).reason).toBe('not-found');
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['POST', 500],
    ['POST', 595],
  ] as const)('never retries a %s (status %d)', async (_method, status) => {
    vi.useFakeTimers();
    const calls = countingHandler('post', '/nodes/pve/lxc/100/status/start', [
      () => pveError(status, 'unable to connect', { modern: true }),
    ]);
    const pending = caught(() =>
      newClient({ retry: { limit: 5 } }).request('POST', '/nodes/pve/lxc/100/status/start'),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(((await pending) as APIError).status).toBe(status);
    expect(calls).toHaveLength(1);
  });

  it('never retries PUT or DELETE either', async () => {
    vi.useFakeTimers();
    let calls = 0;
    server.use(
      http.put(`${api}/nodes/pve/lxc/100/config`, () => {
        calls++;
        return HttpResponse.error();
      }),
      http.delete(`${api}/nodes/pve/lxc/100`, () => {
        calls++;
        return pveError(503, 'Service Unavailable', { modern: false });
      }),
    );
    const client = newClient({ retry: { limit: 5 } });
    const put = caught(() => client.request('PUT', '/nodes/pve/lxc/100/config', { body: { cores: 2 } }));
    const del = caught(() => client.request('DELETE', '/nodes/pve/lxc/100'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await put).toBeInstanceOf(NetworkError);
    expect(await del).toBeInstanceOf(APIError);
    expect(calls).toBe(2);
  });

  it('retries a GET after a network error', async () => {
    vi.useFakeTimers();
    let calls = 0;
    server.use(
      http.get(`${api}/version`, () => {
        calls++;
        return calls === 1 ? HttpResponse.error() : pveData({ version: '9.0.3' });
      }),
    );
    const pending = newClient().request('GET', '/version');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(pending).resolves.toEqual({ data: { version: '9.0.3' } });
    expect(calls).toBe(2);
  });
});

describe('timeout and abort', () => {
  it('raises TimeoutError when the host stalls past the timeout', async () => {
    vi.useFakeTimers();
    server.use(
      http.get(`${api}/version`, async () => {
        await delay('infinite');
        return pveData(null);
      }),
    );
    const pending = caught(() => newClient({ timeout: 2_000 }).request('GET', '/version'));
    await vi.advanceTimersByTimeAsync(2_000);
    const error = (await pending) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.reason).toBe('timeout');
    expect(error.timeout).toBe(2_000);
    expect(error.endpoint).toBe('GET /version');
  });

  it('bounds reading the body too: a body that stalls mid-way is a TimeoutError', async () => {
    vi.useFakeTimers();
    server.use(
      http.get(`${api}/nodes/pve/lxc`, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data":[{"vmid":100,'));
            // …and nothing more: the rest of the body never arrives.
          },
        });
        return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const pending = caught(() => newClient({ timeout: 2_000 }).request('GET', '/nodes/pve/lxc'));
    await vi.advanceTimersByTimeAsync(2_000);
    const error = (await pending) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.endpoint).toBe('GET /nodes/pve/lxc');
  });

  it('refuses to follow a redirect (it could carry the token elsewhere)', async () => {
    server.use(
      http.get(
        `${api}/version`,
        () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.test/steal' } }),
      ),
    );
    const error = await caught(() => newClient({ retry: { limit: 0 } }).request('GET', '/version'));
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('a per-call timeout overrides the client timeout', async () => {
    vi.useFakeTimers();
    server.use(
      http.get(`${api}/version`, async () => {
        await delay(1_000);
        return pveData({ version: '9.0.3' });
      }),
    );
    const pending = caught(() => newClient({ timeout: 30_000 }).request('GET', '/version', { timeout: 500 }));
    await vi.advanceTimersByTimeAsync(500);
    expect(((await pending) as TimeoutError).timeout).toBe(500);
  });

  it('a call signal aborts the request with AbortedError carrying the reason', async () => {
    server.use(
      http.get(`${api}/version`, async () => {
        await delay('infinite');
        return pveData(null);
      }),
    );
    const controller = new AbortController();
    const pending = caught(() => newClient().request('GET', '/version', { signal: controller.signal }));
    controller.abort(new Error('shutting down'));
    const error = (await pending) as AbortedError;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.reason).toBe('aborted');
    expect((error.cause as Error).message).toBe('shutting down');
  });

  it('the client signal aborts every request', async () => {
    const controller = new AbortController();
    controller.abort();
    server.use(http.get(`${api}/version`, () => pveData(null)));
    const error = await caught(() => newClient({ signal: controller.signal }).request('GET', '/version'));
    expect(error).toBeInstanceOf(AbortedError);
  });
});

describe('in-flight cap', () => {
  it('keeps at most `concurrency` requests in flight and runs the rest in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const gates: Array<() => void> = [];
    server.use(
      http.get(`${api}/nodes/:node/status`, async ({ params }) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        order.push(String(params.node));
        await new Promise<void>((resolve) => gates.push(resolve));
        inFlight--;
        return pveData({ node: params.node });
      }),
    );
    const client = newClient({ concurrency: 2 });
    const nodes = ['a', 'b', 'c', 'd', 'e'];
    const pending = Promise.all(nodes.map((node) => client.request('GET', `/nodes/${node}/status`)));
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    while (order.length < nodes.length || gates.length > 0) {
      await vi.waitFor(() => expect(gates.length).toBeGreaterThan(0));
      gates.shift()?.();
    }
    const results = await pending;
    expect(peak).toBe(2);
    expect(order).toEqual(nodes);
    expect(results.map((r) => r.data)).toEqual(nodes.map((node) => ({ node })));
  });

  it('an abort while queued frees the caller without sending', async () => {
    const gates: Array<() => void> = [];
    let sent = 0;
    server.use(
      http.get(`${api}/version`, async () => {
        sent++;
        await new Promise<void>((resolve) => gates.push(resolve));
        return pveData(null);
      }),
    );
    const client = newClient({ concurrency: 1 });
    const first = client.request('GET', '/version');
    const controller = new AbortController();
    const queued = caught(() => client.request('GET', '/version', { signal: controller.signal }));
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    controller.abort();
    expect(await queued).toBeInstanceOf(AbortedError);
    gates.shift()?.();
    await first;
    expect(sent).toBe(1);
  });
});

describe('logger', () => {
  it('reports request, response, retry and error events, with the secret redacted', async () => {
    vi.useFakeTimers();
    const events: ProxmoxLogEvent[] = [];
    let calls = 0;
    server.use(
      http.get(`${api}/nodes`, () => {
        calls++;
        return calls === 1 ? pveError(503, 'Service Unavailable', { modern: false }) : pveData([]);
      }),
      http.post(`${api}/nodes/pve/lxc`, () =>
        pveError(403, 'Permission check failed (/vms/100, VM.Allocate)', { modern: true }),
      ),
    );
    const client = newClient({ logger: (event) => events.push(event) });
    const ok = client.request('GET', '/nodes');
    await vi.advanceTimersByTimeAsync(5_000);
    await ok;
    await caught(() => client.request('POST', '/nodes/pve/lxc', { body: { vmid: 100 } }));
    expect(events.map((event) => `${event.type}:${'requestId' in event ? event.requestId : '-'}`)).toEqual([
      'request:1',
      'response:1',
      'retry:1',
      'request:1',
      'response:1',
      'request:2',
      'response:2',
      'error:2',
    ]);
    const first = events[0];
    expect(first).toMatchObject({ type: 'request', method: 'GET', url: `${api}/nodes`, attempt: 1 });
    expect(first?.type === 'request' && first.authorization).toBe(`PVEAPIToken=${token.id}=[REDACTED]`);
    expect(events[3]).toMatchObject({ type: 'request', attempt: 2 });
    expect(events[7]).toMatchObject({ type: 'error', reason: 'permission' });
    expect(JSON.stringify(events)).not.toContain(token.secret);
  });

  it('a throwing logger does not break the call', async () => {
    server.use(http.get(`${api}/version`, () => pveData({ version: '9.0.3' })));
    const client = newClient({
      logger: () => {
        throw new Error('logger broke');
      },
    });
    expect((await client.request('GET', '/version')).data).toEqual({ version: '9.0.3' });
  });
});
