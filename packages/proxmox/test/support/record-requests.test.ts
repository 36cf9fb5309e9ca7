import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from './api-schema.js';
import { recordRequests } from './record-requests.js';

const base = 'https://pve.test:8006/api2/json';
const upid = 'UPID:pve1:000A1B2C:0012D687:6745A1B0:vzsnapshot:100:felhom@pve!agent:';

const server = setupServer(
  http.post(`${base}/nodes/:node/lxc/:vmid/snapshot`, async ({ request }) => {
    // The handler still reads the body after the recorder cloned it.
    const body = new URLSearchParams(await request.text());
    return HttpResponse.json({ data: body.get('snapname') ? upid : null });
  }),
  http.put(`${base}/nodes/:node/lxc/:vmid/config`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    return HttpResponse.json({ data: body.memory === 2048 ? null : 'unexpected' });
  }),
  http.get(`${base}/cluster/resources`, () => HttpResponse.json({ data: [] })),
);

const recorder = recordRequests(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => recorder.clear());
afterAll(() => {
  recorder.stop();
  server.close();
});

const headers = { 'content-type': 'application/x-www-form-urlencoded' };

describe('recordRequests', () => {
  it('records method, path, query and form body while the handler still reads the body', async () => {
    const response = await fetch(`${base}/nodes/pve1/lxc/100/snapshot`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ snapname: 'before-upgrade', description: 'pre' }),
    });
    expect(await response.json()).toEqual({ data: upid });
    await fetch(`${base}/cluster/resources?type=vm`);

    const [post, get] = await recorder.settled();
    expect(post).toMatchObject({ method: 'POST', path: '/nodes/pve1/lxc/100/snapshot' });
    expect(post?.body instanceof URLSearchParams && Object.fromEntries(post.body)).toEqual({
      snapname: 'before-upgrade',
      description: 'pre',
    });
    expect(get).toMatchObject({ method: 'GET', path: '/cluster/resources', body: null });
    expect(get?.query.get('type')).toBe('vm');
  });

  it('decodes JSON bodies', async () => {
    const response = await fetch(`${base}/nodes/pve1/lxc/100/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memory: 2048, delete: 'mp1' }),
    });
    expect(await response.json()).toEqual({ data: null });
    expect((await recorder.settled())[0]?.body).toEqual({ memory: 2048, delete: 'mp1' });
  });

  it('stops recording after stop()', async () => {
    const second = recordRequests(server);
    second.stop();
    await fetch(`${base}/cluster/resources`);
    expect(await second.settled()).toEqual([]);
    expect(await recorder.settled()).toHaveLength(1);
  });

  it('feeds the schema validator, which catches a bad request', async () => {
    await fetch(`${base}/nodes/pve1/lxc/100/snapshot`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ snapname: 'ok-name' }),
    });
    await fetch(`${base}/nodes/pve1/lxc/100/snapshot`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ snapname: 'ok-name', colour: 'red' }),
    });
    const [good, bad] = await recorder.settled();
    expect(good && validateRequest(good)).toEqual([]);
    expect(bad && validateRequest(bad).map((v) => v.parameter)).toEqual(['colour', 'colour']);
  });
});
