import { describe, expect, it } from 'vitest';
import {
  type ApiRequest,
  formatViolations,
  loadApiSchema,
  resolveEndpoint,
  validateRequest,
} from './api-schema.js';

const upid = 'UPID:pve1:000A1B2C:0012D687:6745A1B0:vzdump:100:felhom@pve!agent:';
const taskPath = `/nodes/pve1/tasks/${encodeURIComponent(upid)}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

/** One correct request per endpoint the client uses, shaped as the client sends them. */
const correctRequests: readonly (readonly [string, ApiRequest])[] = [
  ['version', { method: 'GET', path: '/api2/json/version' }],
  ['nodes', { method: 'GET', path: '/nodes' }],
  ['nodeStatus', { method: 'GET', path: '/nodes/pve1/status' }],
  ['listLXC', { method: 'GET', path: '/nodes/pve1/lxc' }],
  [
    'restoreLXC',
    {
      method: 'POST',
      path: '/nodes/pve1/lxc',
      body: form({
        restore: '1',
        ostemplate: 'local:backup/vzdump-lxc-100-2025_11_20-03_00_01.tar.zst',
        vmid: '100',
        storage: 'local-lvm',
        unprivileged: '1',
        features: 'nesting=1',
        net0: 'name=eth0,bridge=vmbr0,ip=dhcp,ip6=auto,firewall=1,tag=20',
        hostname: 'web-01',
        cores: '2',
        memory: '1024',
        swap: '512',
        rootfs: 'local-lvm:8',
        mp0: 'local-lvm:4,mp=/srv/data,backup=1',
        force: '1',
        start: '1',
      }),
    },
  ],
  ['guestStatus', { method: 'GET', path: '/nodes/pve1/lxc/100/status/current' }],
  ['start', { method: 'POST', path: '/nodes/pve1/lxc/100/status/start' }],
  ['stop', { method: 'POST', path: '/nodes/pve1/lxc/100/status/stop' }],
  [
    'shutdown',
    {
      method: 'POST',
      path: '/nodes/pve1/lxc/100/status/shutdown',
      body: form({ timeout: '60', forceStop: '1' }),
    },
  ],
  ['guestConfig', { method: 'GET', path: '/nodes/pve1/lxc/100/config', query: { current: '1' } }],
  [
    'setConfig',
    {
      method: 'PUT',
      path: '/nodes/pve1/lxc/100/config',
      body: form({ memory: '2048', onboot: '1', digest: 'a'.repeat(40), delete: 'mp1,unused0' }),
    },
  ],
  ['listSnapshots', { method: 'GET', path: '/nodes/pve1/lxc/100/snapshot' }],
  [
    'snapshot',
    {
      method: 'POST',
      path: '/nodes/pve1/lxc/100/snapshot',
      body: form({ snapname: 'before-upgrade', description: 'pre' }),
    },
  ],
  [
    'rollback',
    {
      method: 'POST',
      path: '/nodes/pve1/lxc/100/snapshot/before-upgrade/rollback',
      body: form({ start: '1' }),
    },
  ],
  ['deleteSnapshot', { method: 'DELETE', path: '/nodes/pve1/lxc/100/snapshot/before-upgrade?force=1' }],
  [
    'vzdump',
    {
      method: 'POST',
      path: '/nodes/pve1/vzdump',
      body: form({
        vmid: '100,101',
        mode: 'snapshot',
        storage: 'local',
        compress: 'zstd',
        'notes-template': '{{guestname}} nightly',
        remove: '0',
      }),
    },
  ],
  ['listStorage', { method: 'GET', path: '/storage' }],
  ['nodeStorage', { method: 'GET', path: '/nodes/pve1/storage', query: { content: 'backup,vztmpl' } }],
  ['storageContent', { method: 'GET', path: '/nodes/pve1/storage/local/content?content=backup&vmid=100' }],
  ['clusterResources', { method: 'GET', path: '/cluster/resources', query: { type: 'vm' } }],
  [
    'listTasks',
    {
      method: 'GET',
      path: '/nodes/pve1/tasks',
      query: {
        start: '0',
        limit: '50',
        vmid: '100',
        typefilter: 'vzdump',
        userfilter: 'felhom@pve',
        source: 'all',
        statusfilter: 'ok,error',
        errors: '0',
        since: '1732665600',
      },
    },
  ],
  ['permissions', { method: 'GET', path: '/access/permissions', query: { path: '/vms/100' } }],
  ['taskStatusOnce', { method: 'GET', path: `${taskPath}/status` }],
  ['taskLog', { method: 'GET', path: `${taskPath}/log?start=50&limit=50` }],
  ['JSON body', { method: 'POST', path: '/nodes/pve1/lxc/100/snapshot/s1/rollback', body: { start: true } }],
  [
    'setVMConfig with a NIC written model=MAC',
    {
      method: 'PUT',
      path: '/nodes/pve1/qemu/102/config',
      body: form({
        net0: 'virtio=BC:24:11:5A:00:66,bridge=vmbr0,firewall=1',
        scsi1: 'local-lvm:8,discard=on',
      }),
    },
  ],
];

describe('validateRequest against PVE 8.4 and 9.1', () => {
  it('loads both schemas with their permissions', () => {
    const schema = loadApiSchema('9.1');
    expect(schema.endpoints.get('POST /nodes/{node}/lxc/{vmid}/snapshot')?.permissions).toEqual({
      check: ['perm', '/vms/{vmid}', ['VM.Snapshot']],
    });
    expect(loadApiSchema('8.4').endpoints.size).toBeGreaterThan(500);
  });

  it('resolves concrete paths to templates, literal segments first', () => {
    const schema = loadApiSchema('9.1');
    expect(resolveEndpoint(schema, 'GET', `${taskPath}/log`)).toMatchObject({
      endpoint: { path: '/nodes/{node}/tasks/{upid}/log' },
      pathParams: { node: 'pve1', upid },
    });
    expect(resolveEndpoint(schema, 'GET', '/nodes/pve1/lxc/100/snapshot')?.endpoint.path).toBe(
      '/nodes/{node}/lxc/{vmid}/snapshot',
    );
  });

  it.each(correctRequests)('passes a correct %s request', (_name, request) => {
    const violations = validateRequest(request);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it.each<[string, ApiRequest, { parameter?: string; reason: RegExp }]>([
    [
      'an unknown parameter',
      { method: 'POST', path: '/nodes/pve1/lxc/100/snapshot', body: form({ snapname: 's1', name: 'x' }) },
      { parameter: 'name', reason: /not defined in schema/ },
    ],
    [
      'a wrong type',
      { method: 'POST', path: '/nodes/pve1/lxc/100/status/shutdown', body: form({ timeout: 'soon' }) },
      { parameter: 'timeout', reason: /type check \('integer'\) failed - got 'soon'/ },
    ],
    [
      'a bad enum value',
      { method: 'POST', path: '/nodes/pve1/vzdump', body: form({ vmid: '100', mode: 'live' }) },
      { parameter: 'mode', reason: /enumeration 'snapshot, suspend, stop'/ },
    ],
    [
      'a missing required parameter',
      { method: 'POST', path: '/nodes/pve1/lxc/100/snapshot', body: form({ description: 'no name' }) },
      { parameter: 'snapname', reason: /missing and it is not optional/ },
    ],
    [
      'a missing ostemplate on restore',
      { method: 'POST', path: '/nodes/pve1/lxc', body: form({ vmid: '100', restore: '1' }) },
      { parameter: 'ostemplate', reason: /missing/ },
    ],
    [
      'an unknown path',
      { method: 'GET', path: '/nodes/pve1/lxc/100/bogus' },
      { reason: /no endpoint of the schema matches/ },
    ],
    [
      'a method the path does not have',
      { method: 'PATCH', path: '/nodes/pve1/lxc/100/config' },
      { reason: /no endpoint/ },
    ],
    [
      'a vmid below 100 in the path',
      { method: 'GET', path: '/nodes/pve1/lxc/42/status/current' },
      { parameter: 'vmid', reason: /minimum value of 100/ },
    ],
    [
      'a bad node name',
      { method: 'GET', path: '/nodes/-pve/status' },
      { parameter: 'node', reason: /valid node name/ },
    ],
    [
      'a snapshot name that is not a config id',
      { method: 'POST', path: '/nodes/pve1/lxc/100/snapshot', body: form({ snapname: '1st' }) },
      { parameter: 'snapname', reason: /configuration ID/ },
    ],
    [
      'an unknown key inside a property string',
      { method: 'PUT', path: '/nodes/pve1/lxc/100/config', body: form({ net0: 'name=eth0,colour=red' }) },
      { parameter: 'net0', reason: /invalid key in comma-separated list property: colour/ },
    ],
    [
      'a property string missing its required key',
      { method: 'PUT', path: '/nodes/pve1/lxc/100/config', body: form({ net0: 'bridge=vmbr0' }) },
      { parameter: 'net0', reason: /'name' is missing/ },
    ],
    [
      'a bad value inside a property string',
      {
        method: 'PUT',
        path: '/nodes/pve1/lxc/100/config',
        body: form({ net0: 'name=eth0,ip=300.1.1.1/24' }),
      },
      { parameter: 'net0', reason: /ip: invalid format/ },
    ],
    [
      'a boolean sent as true',
      { method: 'POST', path: '/nodes/pve1/lxc/100/snapshot/s1/rollback', body: form({ start: 'true' }) },
      { parameter: 'start', reason: /contract is 1\/0/ },
    ],
    [
      'a parameter whose companion is missing',
      { method: 'POST', path: '/nodes/pve1/vzdump', body: form({ vmid: '100', 'notes-template': 'x' }) },
      { parameter: 'notes-template', reason: /'storage' requires this property/ },
    ],
    [
      'a bad vmid list',
      { method: 'POST', path: '/nodes/pve1/vzdump', body: form({ vmid: '100,abc' }) },
      { parameter: 'vmid', reason: /list item 'abc'/ },
    ],
    [
      'a repeated scalar parameter',
      { method: 'GET', path: '/cluster/resources?type=vm&type=node' },
      { parameter: 'type', reason: /given 2 times/ },
    ],
    [
      'a NIC model given twice, as a key and by its MAC',
      {
        method: 'PUT',
        path: '/nodes/pve1/qemu/102/config',
        body: form({ net0: 'e1000,virtio=BC:24:11:5A:00:66' }),
      },
      { parameter: 'net0', reason: /key 'model' is already set/ },
    ],
    [
      'a digest longer than 40 characters',
      { method: 'PUT', path: '/nodes/pve1/lxc/100/config', body: form({ digest: 'a'.repeat(41) }) },
      { parameter: 'digest', reason: /40 characters/ },
    ],
  ])('fails on %s, for both versions', (_name, request, expected) => {
    const violations = validateRequest(request);
    expect(violations.map((v) => v.version)).toEqual(['8.4', '9.1']);
    for (const violation of violations) {
      expect(violation.reason).toMatch(expected.reason);
      expect(violation.parameter).toBe(expected.parameter);
    }
  });

  it('names the version when a parameter exists in only one of them', () => {
    const haManaged: ApiRequest = {
      method: 'POST',
      path: '/nodes/pve1/lxc',
      body: form({ vmid: '100', ostemplate: 'local:vztmpl/debian-12.tar.zst', 'ha-managed': '1' }),
    };
    expect(validateRequest(haManaged)).toEqual([
      {
        version: '8.4',
        endpoint: 'POST /nodes/{node}/lxc',
        parameter: 'ha-managed',
        reason: 'property is not defined in schema and the schema does not allow additional properties',
      },
    ]);
    const notificationPolicy: ApiRequest = {
      method: 'POST',
      path: '/nodes/pve1/vzdump',
      body: form({ vmid: '100', 'notification-policy': 'never' }),
    };
    expect(validateRequest(notificationPolicy).map((v) => `${v.version} ${v.parameter}`)).toEqual([
      '9.1 notification-policy',
    ]);
  });

  it('formats violations one per line', () => {
    const text = formatViolations(validateRequest({ method: 'GET', path: '/nodes/pve1/lxc/42/config' }));
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('PVE 8.4 GET /nodes/{node}/lxc/{vmid}/config vmid:');
  });
});
