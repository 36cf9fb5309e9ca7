import { APIError, ProxmoxClient, parseUPID } from '@felhom/proxmox';
import {
  nullResponseSchema,
  optionalUpidStringSchema,
  parseResponse,
  snapshotListSchema,
  upidStringSchema,
} from '@felhom/proxmox/schemas';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Capture, errorCases, loadCaptures, node, storageIn, upidIn, vmid } from './captures.js';

// The 55 exchanges captured from real PVE 5.2–6.2 hosts (data/pve-captures), replayed by msw
// exactly (status, reason phrase, body) and sent through the PUBLIC client: each 2xx body must
// come out of the typed method for its endpoint (or, where the SDK has no typed method, out of
// `request` plus the exported schema), and each error exchange must become the right APIError.

const BASE = 'https://pve.conformance.test:8006';

const data = (c: Capture) => c.body?.data;

/** The public-client call for each captured endpoint's 2xx exchange, and what it must yield. */
const successCalls: Readonly<Record<string, (client: ProxmoxClient, c: Capture) => Promise<void>>> = {
  'access-permissions': async (client, c) => {
    const out = await client.permissions();
    expect(Object.keys(out).sort()).toEqual(Object.keys(data(c) as object).sort());
  },
  version: async (client, c) => {
    const out = await client.version();
    expect(out.release).toBe((data(c) as { release: string }).release);
  },
  'lxc-list': async (client, c) => {
    const out = await client.listLXC(node(c));
    expect(out.map((g) => g.vmid)).toEqual((data(c) as { vmid: unknown }[]).map((g) => Number(g.vmid)));
  },
  'lxc-status-current': async (client, c) => {
    const out = await client.guestStatus(node(c), vmid(c));
    expect(out.vmid).toBe(vmid(c));
    expect(out.status).toBe((data(c) as { status: string }).status);
  },
  'lxc-config': async (client, c) => {
    const out = await client.guestConfig(node(c), vmid(c));
    expect(out.digest).toBe((data(c) as { digest: string }).digest);
  },
  'node-storage': async (client, c) => {
    const out = await client.nodeStorage(node(c));
    expect(out.map((s) => s.storage)).toEqual((data(c) as { storage: string }[]).map((s) => s.storage));
  },
  'storage-content': async (client, c) => {
    const out = await client.storageContent(node(c), storageIn(c));
    expect(out.map((v) => v.volid)).toEqual((data(c) as { volid: string }[]).map((v) => v.volid));
  },
  'lxc-create': async (client, c) => {
    const upid = await client.restoreLXC(node(c), {
      vmid: 100,
      archive: 'local:backup/vzdump-lxc-100-x.tar.zst',
    });
    expect(upid.raw).toBe(data(c));
  },
  'lxc-status-start': async (client, c) => {
    expect((await client.start(node(c), vmid(c))).raw).toBe(data(c));
  },
  'lxc-status-stop': async (client, c) => {
    expect((await client.stop(node(c), vmid(c))).raw).toBe(data(c));
  },
  'lxc-config-put': async (client, c) => {
    await expect(client.setConfig(node(c), vmid(c), { memory: 512 })).resolves.toBeUndefined();
  },
  'task-status': async (client, c) => {
    const status = await client.taskStatusOnce(upidIn(c));
    expect(status.upid).toBe(upidIn(c));
  },
  'task-log': async (client, c) => {
    const lines = await client.taskLogTail(upidIn(c), 1000);
    const sent = data(c) as { t: string }[];
    // A log with no lines yet comes as the filler line `no content`, which the client drops.
    const real = sent.length === 1 && sent[0]?.t === 'no content' ? [] : sent;
    expect(lines.map((line) => line.text)).toEqual(real.map((line) => line.t));
  },
  // No typed method (QEMU, clone, destroy, move volume, task stop, tokens): the escape hatch
  // plus the exported schema, as a consumer would do it.
  'qemu-snapshot-list': async (client, c) => {
    const { data: body } = await client.request(c.method as 'GET', c.concretePath);
    expect(parseResponse(snapshotListSchema, body, c.concretePath).current).toBeDefined();
  },
  ...Object.fromEntries(
    ['qemu-snapshot-create', 'qemu-snapshot-delete', 'lxc-clone', 'lxc-delete', 'lxc-move-volume'].map(
      (name) => [
        name,
        async (client: ProxmoxClient, c: Capture) => {
          const { data: body } = await client.request(c.method as 'POST', c.concretePath);
          expect(parseUPID(parseResponse(upidStringSchema, body, c.concretePath)).raw).toBe(data(c));
        },
      ],
    ),
  ),
  'storage-content-delete': async (client, c) => {
    const { data: body } = await client.request('DELETE', encodeVolumePath(c.concretePath));
    expect(parseResponse(optionalUpidStringSchema, body, c.concretePath)).toBe(data(c));
  },
  'task-stop': async (client, c) => {
    const { data: body } = await client.request('DELETE', c.concretePath);
    expect(parseResponse(nullResponseSchema, body, c.concretePath)).toBeNull();
  },
  ...Object.fromEntries(
    ['token-create', 'token-list', 'token-update'].map((name) => [
      name,
      async (client: ProxmoxClient, c: Capture) => {
        const { data: body } = await client.request(c.method as 'GET', c.concretePath);
        expect(body).toEqual(data(c));
      },
    ]),
  ),
};

/** The volume id in a content path is one segment: its `/` must travel encoded. */
function encodeVolumePath(path: string): string {
  const [, prefix = '', volume = ''] = /^(.*\/content\/)(.+)$/.exec(path) ?? [];
  return `${prefix}${encodeURIComponent(volume)}`;
}

describe('real host exchanges through the public client', () => {
  const captures = loadCaptures();
  const server = setupServer();
  let current: Capture | undefined;
  const client = new ProxmoxClient({
    baseUrl: BASE,
    token: { id: 'root@pam!conformance', secret: '11111111-2222-4333-8444-555555555555' },
    retry: { limit: 0 },
  });
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    // Replays the capture under test for any request to its path; every other request fails.
    server.use(
      http.all(`${BASE}/api2/json/*`, ({ request }) => {
        const capture = current;
        const path = decodeURIComponent(new URL(request.url).pathname.replace('/api2/json', ''));
        if (!capture || request.method !== capture.method || path !== capture.concretePath) {
          return HttpResponse.text(`unexpected ${request.method} ${path}`, { status: 599 });
        }
        return new HttpResponse(capture.body === null ? null : JSON.stringify(capture.body), {
          status: capture.status,
          statusText: capture.reason,
          headers: { 'content-type': 'application/json;charset=UTF-8', server: 'pve-api-daemon/3.0' },
        });
      }),
    );
  });
  afterEach(() => {
    current = undefined;
  });
  afterAll(() => server.close());

  it('has all 55 captures, each with a call', () => {
    expect(captures).toHaveLength(55);
    for (const capture of captures) {
      const covered = capture.status < 300 ? capture.endpoint in successCalls : capture.file in errorCases;
      expect(covered, capture.file).toBe(true);
    }
  });

  for (const capture of captures) {
    it(`${capture.file}: ${capture.method} ${capture.concretePath} → ${capture.status}`, async () => {
      current = capture;
      if (capture.status < 300) {
        await successCalls[capture.endpoint]?.(client, capture);
        return;
      }
      const expected = errorCases[capture.file];
      const error = await expected?.call(client, capture).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(APIError);
      const apiError = error as APIError;
      expect(apiError).toMatchObject({ status: capture.status, reason: expected?.reason });
      // Old hosts put the text only in the reason phrase; the error carries it.
      expect(apiError.hostMessage).toBe(capture.reason);
      if (capture.body?.errors) expect(apiError.errors).toEqual(capture.body.errors);
    });
  }
});
