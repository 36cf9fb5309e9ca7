import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProxmoxClient, ProxmoxErrorReason } from '@felhom/proxmox';
import { dataPath } from '../../../../test-support/data.js';

// The 55 exchanges captured from real PVE 5.2–6.2 hosts (data/pve-captures; format and origin of
// each file in data/SOURCES.md), shared by the schema and the client conformance tests.

/** One captured exchange. */
export interface Capture {
  /** `<endpoint>/<file>.json`, relative to data/pve-captures/fixtures. */
  readonly file: string;
  /** The folder: what the exchange is (`lxc-list`, `task-status`, … or `errors`). */
  readonly endpoint: string;
  readonly method: string;
  /** The path actually requested, e.g. `/nodes/pve/lxc/100/status/current`. */
  readonly concretePath: string;
  readonly status: number;
  /** The HTTP reason phrase; old hosts put an error's text only here. */
  readonly reason: string;
  /** The body exactly as the host sent it. */
  readonly body: {
    readonly data?: unknown;
    readonly total?: number;
    readonly errors?: Record<string, string>;
  } | null;
}

/** Every capture under data/pve-captures/fixtures. */
export function loadCaptures(): Capture[] {
  const root = dataPath('pve-captures', 'fixtures');
  return readdirSync(root).flatMap((endpoint) =>
    readdirSync(join(root, endpoint))
      .filter((name) => name.endsWith('.json'))
      .map((name) => {
        const json = JSON.parse(readFileSync(join(root, endpoint, name), 'utf8'));
        return {
          file: `${endpoint}/${name}`,
          endpoint,
          method: json.method,
          concretePath: json.concrete_path ?? json.path,
          status: json.status,
          reason: json.reason,
          body: json.body,
        };
      }),
  );
}

const segments = (capture: Capture) => capture.concretePath.split('/').filter(Boolean);
/** The node of a `/nodes/{node}/…` path. */
export const node = (c: Capture) => segments(c)[1] ?? '';
/** The vmid of a `/nodes/{node}/lxc/{vmid}/…` or `/nodes/{node}/qemu/{vmid}/…` path. */
export const vmid = (c: Capture) => Number(segments(c)[3]);
/** The UPID of a `/nodes/{node}/tasks/{upid}/…` path. */
export const upidIn = (c: Capture) => decodeURIComponent(segments(c)[3] ?? '');
/** The storage of a `/nodes/{node}/storage/{storage}/…` path. */
export const storageIn = (c: Capture) => segments(c)[3] ?? '';

/**
 * Each captured error exchange (keyed by file): the public-client call that meets it and the
 * APIError reason it must become. client-conformance.test.ts replays every one of them;
 * schemas-conformance.test.ts checks that no error capture is missing here.
 */
export const errorCases: Readonly<
  Record<
    string,
    { call: (client: ProxmoxClient, c: Capture) => Promise<unknown>; reason: ProxmoxErrorReason }
  >
> = {
  'errors/fog-proxmox-11.json': {
    call: (client, c) => client.request('GET', c.concretePath),
    reason: 'not-found',
  },
  'errors/fog-proxmox-12.json': {
    call: (client, c) => client.request('GET', c.concretePath),
    reason: 'bad-request',
  },
  'errors/fog-proxmox-2.json': {
    call: (client) => client.nextId(100),
    reason: 'bad-request',
  },
  'errors/fog-proxmox-3.json': {
    call: (client, c) => client.guestStatus(node(c), vmid(c)),
    reason: 'not-found',
  },
  'errors/fog-proxmox-4.json': {
    call: (client, c) =>
      client.restoreLXC(node(c), { vmid: 100, archive: 'local:backup/vzdump-lxc-100-x.tar.zst' }),
    reason: 'conflict',
  },
  'errors/fog-proxmox-5.json': {
    call: (client, c) => client.vmStatus(node(c), vmid(c)),
    reason: 'not-found',
  },
  'errors/fog-proxmox-7.json': {
    call: (client, c) => client.request('POST', c.concretePath),
    reason: 'auth',
  },
  'errors/fog-proxmox-8.json': {
    call: (client, c) => {
      const [, , , userid = '', , tokenid = ''] = c.concretePath.split('/');
      return client.tokenInfo(userid, tokenid);
    },
    reason: 'auth',
  },
};
