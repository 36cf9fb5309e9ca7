import { APIError, isProxmoxError, type PermissionDenial, type ProxmoxErrorReason } from '@felhom/proxmox';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, caught, newClient, pve401, pveError, server, useMsw } from './support/msw.js';

useMsw();

interface ErrorCase {
  readonly title: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly status: number;
  readonly message: string;
  readonly errors?: Record<string, string>;
  readonly reason: ProxmoxErrorReason;
  readonly permission?: PermissionDenial;
  readonly requiresRoot?: boolean;
}

// Status lines and messages as real hosts send them (docs/pve-behaviour.md#errors-on-the-wire).
const cases: readonly ErrorCase[] = [
  {
    title: '403 (PATH, PRIV)',
    method: 'POST',
    path: '/nodes/pve/lxc/100/snapshot',
    status: 403,
    message: 'Permission check failed (/vms/100, VM.Snapshot)',
    reason: 'permission',
    permission: { kind: 'privilege', path: '/vms/100', privileges: ['VM.Snapshot'], anyOf: false },
    requiresRoot: false,
  },
  {
    title: '403 (PATH, PRIV1|PRIV2) any-of',
    method: 'PUT',
    path: '/nodes/pve/lxc/100/config',
    status: 403,
    message:
      'Permission check failed (/vms/100, VM.Config.Disk|VM.Config.CPU|VM.Config.Memory|VM.Config.Network|VM.Config.Options)',
    reason: 'permission',
    permission: {
      kind: 'privilege',
      path: '/vms/100',
      privileges: [
        'VM.Config.Disk',
        'VM.Config.CPU',
        'VM.Config.Memory',
        'VM.Config.Network',
        'VM.Config.Options',
      ],
      anyOf: true,
    },
  },
  {
    title: '403 on an SDN path',
    method: 'POST',
    path: '/nodes/pve/lxc',
    status: 403,
    message: 'Permission check failed (/sdn/zones/localnetwork/vmbr0, SDN.Use)',
    reason: 'permission',
    permission: {
      kind: 'privilege',
      path: '/sdn/zones/localnetwork/vmbr0',
      privileges: ['SDN.Use'],
      anyOf: false,
    },
  },
  {
    title: '403 (user != root@pam)',
    method: 'POST',
    path: '/nodes/pve/execute',
    status: 403,
    message: 'Permission check failed (user != root@pam)',
    reason: 'permission',
    permission: { kind: 'root-only', detail: 'user != root@pam' },
    requiresRoot: true,
  },
  {
    title: '403 LXC feature flags root-only',
    method: 'PUT',
    path: '/nodes/pve/lxc/100/config',
    status: 403,
    message: 'Permission check failed (changing feature flags (except nesting) is only allowed for root@pam)',
    reason: 'permission',
    permission: {
      kind: 'root-only',
      detail: 'changing feature flags (except nesting) is only allowed for root@pam',
    },
    requiresRoot: true,
  },
  {
    title: '403 LXC bind mount root-only',
    method: 'PUT',
    path: '/nodes/pve/lxc/100/config',
    status: 403,
    message: 'Permission check failed (mount point type bind is only allowed for root@pam)',
    reason: 'permission',
    permission: { kind: 'root-only', detail: 'mount point type bind is only allowed for root@pam' },
    requiresRoot: true,
  },
  {
    title: '403 token not allowed (the embedded newline cuts the closing parenthesis)',
    method: 'POST',
    path: '/access/ticket',
    status: 403,
    message:
      "Permission check failed (URI '/access/ticket' not available with API token, need proper ticket.\n)",
    reason: 'permission',
    permission: { kind: 'token-not-allowed', uri: '/access/ticket' },
  },
  {
    title: '403 bare',
    method: 'GET',
    path: '/access/users/root@pam',
    status: 403,
    message: 'Permission check failed',
    reason: 'permission',
    permission: { kind: 'unspecified' },
  },
  {
    title: '403 pool does not exist',
    method: 'POST',
    path: '/nodes/pve/lxc',
    status: 403,
    message: "Permission check failed (pool 'tenants' does not exist)",
    reason: 'permission',
    permission: { kind: 'other', detail: "pool 'tenants' does not exist" },
  },
  {
    title: '400 parameter verification with errors map',
    method: 'POST',
    path: '/nodes/pve/lxc',
    status: 400,
    message: 'Parameter verification failed.',
    errors: {
      vmid: 'invalid format - value does not look like a valid VM ID\n',
      ostemplate: 'property is missing and it is not optional',
    },
    reason: 'bad-request',
  },
  {
    title: '500 config does not exist',
    method: 'GET',
    path: '/nodes/pve/lxc/101/config',
    status: 500,
    message: "Configuration file 'nodes/pve/lxc/101.conf' does not exist",
    reason: 'not-found',
  },
  {
    title: '500 snapshot does not exist',
    method: 'DELETE',
    path: '/nodes/pve/lxc/100/snapshot/before-upgrade',
    status: 500,
    message: "snapshot 'before-upgrade' does not exist",
    reason: 'not-found',
  },
  {
    title: '500 digest mismatch',
    method: 'PUT',
    path: '/nodes/pve/lxc/100/config',
    status: 500,
    message: 'detected modified configuration - file changed by other user? Try again.',
    reason: 'conflict',
  },
  {
    title: '500 already exists',
    method: 'POST',
    path: '/nodes/pve/lxc',
    status: 500,
    message: "CT 100 already exists on node 'pve'",
    reason: 'conflict',
  },
  {
    title: '500 lock timeout',
    method: 'POST',
    path: '/nodes/pve/lxc/100/snapshot',
    status: 500,
    message: "can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout",
    reason: 'locked',
  },
  {
    title: '500 CT is locked',
    method: 'POST',
    path: '/nodes/pve/lxc/100/status/start',
    status: 500,
    message: 'CT is locked (backup)',
    reason: 'locked',
  },
  {
    title: '500 other',
    method: 'POST',
    path: '/nodes/pve/lxc/100/status/start',
    status: 500,
    message: 'proxy loop detected',
    reason: 'server',
  },
  {
    title: '595 node offline',
    method: 'POST',
    path: '/nodes/pve2/lxc/100/status/stop',
    status: 595,
    message: 'Errors during connection establishment, proxy handshake: No route to host',
    reason: 'node-unreachable',
  },
  {
    title: '596 TLS phase to the proxied node',
    method: 'POST',
    path: '/nodes/pve2/lxc/100/status/stop',
    status: 596,
    message: 'Broken pipe',
    reason: 'node-unreachable',
  },
  {
    title: '501 no handler',
    method: 'POST',
    path: '/nodes/pve/lxc/100/nonsense',
    status: 501,
    message: "Method 'POST /nodes/pve/lxc/100/nonsense' not implemented",
    reason: 'server',
  },
];

function handler(method: ErrorCase['method'], path: string, respond: () => Response) {
  const verb = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete }[method];
  return verb(`${api}${path}`, respond);
}

describe.each([
  { era: 'PVE ≥ 8.3 (message in the body)', modern: true },
  { era: 'older PVE (reason phrase only)', modern: false },
])('APIError from $era', ({ modern }) => {
  it.each(cases)('$title', async (c) => {
    server.use(
      handler(c.method, c.path, () =>
        pveError(c.status, c.message, { modern, ...(c.errors ? { errors: c.errors } : {}) }),
      ),
    );
    // retry off: 5xx GETs would otherwise be retried (covered in transport.test.ts).
    const client = newClient({ retry: { limit: 0 } });
    const error = await caught(() => client.request(c.method, c.path));
    expect(error).toBeInstanceOf(APIError);
    expect(isProxmoxError(error)).toBe(true);
    const apiError = error as APIError;
    expect(apiError.status).toBe(c.status);
    expect(apiError.method).toBe(c.method);
    expect(apiError.path).toBe(c.path);
    expect(apiError.reason).toBe(c.reason);
    // Modern hosts send the whole message; older ones only its first line, as the reason phrase.
    const hostMessage = modern ? c.message.trim() : (c.message.split('\n')[0] ?? '');
    expect(apiError.hostMessage).toBe(hostMessage);
    expect(apiError.permission).toEqual(c.permission);
    expect(apiError.requiresRoot).toBe(c.requiresRoot ?? false);
    expect(apiError.errors).toEqual(c.errors);
    expect(apiError.message).toContain(`${c.method} ${c.path}`);
    expect(apiError.message).toContain(hostMessage);
  });
});

describe('401', () => {
  it.each([
    'Authentication failed!',
    "no such token 'agent' for user 'felhom@pve'",
    'invalid token value!',
    'No ticket',
  ])('maps an empty-body 401 "%s" to auth with the reason phrase as message', async (phrase) => {
    server.use(http.get(`${api}/version`, () => pve401(phrase)));
    const error = (await caught(() => newClient().request('GET', '/version'))) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.reason).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.hostMessage).toBe(phrase);
    expect(error.errors).toBeUndefined();
  });

  it('keeps a non-JSON error body from failing the mapping', async () => {
    server.use(
      http.get(
        `${api}/version`,
        () => new HttpResponse('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      ),
    );
    const error = (await caught(() =>
      newClient({ retry: { limit: 0 } }).request('GET', '/version'),
    )) as APIError;
    expect(error.reason).toBe('server');
    expect(error.hostMessage).toBe('Bad Gateway');
  });
});
