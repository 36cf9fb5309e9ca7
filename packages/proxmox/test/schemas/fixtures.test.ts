import type {
  ClusterResource,
  Guest,
  GuestConfig,
  GuestStatus,
  NodeListItem,
  NodeStatus,
  NodeStorage,
  Permissions,
  PveVersion,
  SnapshotList,
  StorageConfig,
  StorageContentItem,
  TaskListItem,
} from '@felhom/proxmox';
import {
  clusterResourcesSchema,
  guestConfigSchema,
  guestStatusSchema,
  lxcListSchema,
  nodeStatusSchema,
  nodeStorageSchema,
  nodesSchema,
  parseResponse,
  permissionsSchema,
  snapshotListSchema,
  storageContentSchema,
  storageListSchema,
  taskListSchema,
  upidStringSchema,
  versionSchema,
} from '@felhom/proxmox/schemas';
import { describe, expect, it } from 'vitest';
import { bodiesByVersion, type EndpointName } from '../fixtures/bodies/index.js';
import { schemaFor } from './endpoint-schemas.js';

const versions = Object.entries(bodiesByVersion);
const allEndpoints = Object.keys(schemaFor) as EndpointName[];

/** Runs `check` on the parsed body of `endpoint` for every version that has a fixture for it. */
function eachVersion<T>(
  endpoint: EndpointName,
  schema: Parameters<typeof parseResponse>[0],
  check: (out: T, version: string) => void,
) {
  const cases = versions.filter(([, bodies]) => bodies[endpoint] !== undefined);
  it.each(cases)('%s', (version, bodies) => {
    check(parseResponse(schema, bodies[endpoint], `GET /${endpoint}`) as T, version);
  });
}

describe('fixture coverage', () => {
  it.each(['pve9', 'pve8', 'pve7'] as const)('%s has a body for every endpoint', (version) => {
    const missing = allEndpoints.filter((endpoint) => bodiesByVersion[version][endpoint] === undefined);
    expect(missing).toEqual([]);
  });
});

describe('version', () => {
  eachVersion<PveVersion>('version', versionSchema, (out, version) => {
    const major = Number(version.slice(3));
    expect(out.major).toBe(major);
    expect(out.release).toMatch(/^\d+\.\d+$/);
    expect(out.release.startsWith(`${major}.`)).toBe(true);
    expect(out.version.startsWith(out.release)).toBe(true);
  });
  it('rewrites the PVE 5 package-release form', () => {
    const out = parseResponse(versionSchema, bodiesByVersion.pve5.version, 'GET /version');
    expect(out).toMatchObject({ release: '5.2', version: '5.2-1', major: 5, minor: 2, keyboard: 'fr' });
  });
  it('keeps PVE 6 and 8 forms', () => {
    expect(parseResponse(versionSchema, bodiesByVersion.pve6.version, 'GET /version')).toMatchObject({
      release: '6.2',
      version: '6.2-4',
    });
    expect(parseResponse(versionSchema, bodiesByVersion.pve8.version, 'GET /version')).toMatchObject({
      release: '8.4',
      version: '8.4.1',
      minor: 4,
      console: 'xtermjs',
    });
  });
});

describe('nodes', () => {
  eachVersion<NodeListItem[]>('nodes', nodesSchema, (out) => {
    expect(out.length).toBeGreaterThan(0);
    for (const node of out) expect(node.node).toMatch(/^[a-z0-9-]+$/);
    expect(out[0]?.cpu).toBeTypeOf('number');
  });
  it('accepts nodes without usage figures (no Sys.Audit, or offline)', () => {
    const out = parseResponse(nodesSchema, bodiesByVersion.pve9.nodes, 'GET /nodes');
    expect(out[1]).toMatchObject({ node: 'pve3', status: 'offline' });
    expect(out[1]?.maxmem).toBeUndefined();
  });
});

describe('nodeStatus', () => {
  eachVersion<NodeStatus>('nodeStatus', nodeStatusSchema, (out) => {
    expect(out.loadavg).toHaveLength(3);
    for (const load of out.loadavg) expect(load).toBeTypeOf('number');
    expect(out.cpuinfo.mhz).toBeTypeOf('number');
    expect(out.cpuinfo.hvm).toBeTypeOf('boolean');
  });
  it('normalises loadavg, mhz and hvm', () => {
    const out = parseResponse(nodeStatusSchema, bodiesByVersion.pve9.nodeStatus, 'GET /nodes/pve1/status');
    expect(out.loadavg).toEqual([0.42, 0.37, 0.3]);
    expect(out.cpuinfo.mhz).toBe(3799.998);
    expect(out.cpuinfo.hvm).toBe(true);
    expect(out.memory.available).toBe(27401744384);
    expect(out['boot-info']).toEqual({ mode: 'efi', secureboot: false });
    expect(out['current-kernel']?.release).toBe('6.14.8-2-pve');
  });
  it('reads hvm "" as false and tolerates missing PVE 8.1/9.0 fields', () => {
    const out = parseResponse(nodeStatusSchema, bodiesByVersion.pve6.nodeStatus, 'GET /nodes/pve/status');
    expect(out.cpuinfo.hvm).toBe(false);
    expect(out.memory.available).toBeUndefined();
    expect(out['boot-info']).toBeUndefined();
  });
});

describe('lxcList', () => {
  eachVersion<Guest[]>('lxcList', lxcListSchema, (out) => {
    for (const guest of out) {
      expect(guest.vmid).toBeTypeOf('number');
      expect(guest.template).toBeTypeOf('boolean');
      expect(Array.isArray(guest.tags)).toBe(true);
      expect(guest.lock).not.toBe('');
    }
  });
  it('coerces PVE ≤ 6 string numbers and keeps negative swap', () => {
    const [running] = parseResponse(lxcListSchema, bodiesByVersion.pve6.lxcList, 'GET /nodes/pve/lxc');
    expect(running).toMatchObject({
      vmid: 100,
      pid: 2109,
      cpus: 4,
      disk: 11624448,
      maxdisk: 1031540736,
      swap: -24576,
    });
    expect(running?.template).toBe(false);
    expect(running && 'lock' in running).toBe(false);
  });
  it('reads templates, locks, tags and PVE 9 pressure fields', () => {
    const out = parseResponse(lxcListSchema, bodiesByVersion.pve9.lxcList, 'GET /nodes/pve1/lxc');
    expect(out.map((guest) => [guest.vmid, guest.template, guest.lock])).toEqual([
      [100, false, undefined],
      [9000, true, undefined],
      [101, false, 'backup'],
    ]);
    expect(out[0]?.tags).toEqual(['prod', 'web']);
    expect(out[0]?.pressureiosome).toBe(0.12);
    expect(out[1]?.pressureiosome).toBeUndefined();
  });
  it('reads PVE 7 list vmids sent as strings', () => {
    const out = parseResponse(lxcListSchema, bodiesByVersion.pve7.lxcList, 'GET /nodes/pve/lxc');
    expect(out.map((guest) => guest.vmid)).toEqual([100, 101]);
  });
});

describe('guestStatus', () => {
  for (const endpoint of ['guestStatusRunning', 'guestStatusStopped'] as const) {
    describe(endpoint, () => {
      eachVersion<GuestStatus>(endpoint, guestStatusSchema, (out) => {
        expect(out.vmid).toBeTypeOf('number');
        expect(out.ha.managed).toBeTypeOf('boolean');
        expect(out.status).toBe(endpoint === 'guestStatusRunning' ? 'running' : 'stopped');
        if (out.status === 'running') expect(out.pid).toBeTypeOf('number');
        else expect(out.pid).toBeUndefined();
      });
    });
  }
  it('reads the HA state', () => {
    const out = parseResponse(
      guestStatusSchema,
      bodiesByVersion.pve9.guestStatusRunning,
      'GET status/current',
    );
    expect(out.ha).toEqual({ managed: true, state: 'started', group: 'primary' });
  });
  it('tolerates a status without vmid (a real PVE 6.2 answer)', () => {
    const { vmid: _vmid, ...body } = bodiesByVersion.pve6.guestStatusStopped as Record<string, unknown>;
    const out = parseResponse(guestStatusSchema, body, 'GET status/current');
    expect(out.vmid).toBeUndefined();
    expect(out.name).toBe('CT102');
  });
  it('defaults a missing ha to unmanaged', () => {
    const { ha: _ha, ...body } = bodiesByVersion.pve8.guestStatusStopped as Record<string, unknown>;
    expect(parseResponse(guestStatusSchema, body, 'GET status/current').ha).toEqual({ managed: false });
  });
});

describe('guestConfig', () => {
  eachVersion<GuestConfig>('guestConfig', guestConfigSchema, (out) => {
    expect(out.digest).toMatch(/^[0-9a-f]{40}$/);
    expect(out.rootfs?.volume).toMatch(/^[a-z-]+:/);
    expect(out.nets[0]?.name).toBe('eth0');
    expect(out.memory).toBeTypeOf('number');
  });
  it('parses a PVE 9 config completely', () => {
    const out = parseResponse(guestConfigSchema, bodiesByVersion.pve9.guestConfig, 'GET config');
    expect(out).toMatchObject({
      hostname: 'web',
      cores: 2,
      cpulimit: 1.5,
      onboot: true,
      unprivileged: true,
      protection: false,
      tags: ['prod', 'web'],
      features: { keyctl: true, nesting: true },
      rootfs: { volume: 'local-lvm:vm-100-disk-0', size: '8G' },
      unused: { 0: 'local-lvm:vm-100-disk-2' },
      devices: { 0: { path: '/dev/dri/renderD128', gid: 104, mode: '0660' } },
      lxc: [['lxc.cgroup2.devices.allow', 'c 226:128 rwm']],
      extra: {},
    });
    expect(out.mountPoints[0]).toEqual({
      volume: 'local-lvm:vm-100-disk-1',
      mp: '/srv/data',
      backup: true,
      size: '32G',
    });
    expect(out.mountPoints[1]).toEqual({ volume: '/mnt/media', mp: '/media', ro: true, shared: true });
    expect(out.nets[1]).toEqual({
      name: 'eth1',
      bridge: 'vmbr1',
      hwaddr: 'BC:24:11:5A:9F:02',
      ip: '10.10.0.5/24',
      gw: '10.10.0.1',
      tag: 20,
      type: 'veth',
    });
    expect(out.entrypoint).toBe('/sbin/init');
    expect(out.extra).toEqual({});
  });
  it('parses lists inside property strings (PVE 7)', () => {
    const out = parseResponse(guestConfigSchema, bodiesByVersion.pve7.guestConfig, 'GET config');
    expect(out.features).toEqual({ nesting: true, keyctl: true, fuse: true, mount: ['nfs', 'cifs'] });
    expect(out.rootfs?.mountoptions).toEqual(['noatime', 'nodev']);
    expect(out.nets[31]).toMatchObject({ linkDown: true, mtu: 9000, rate: 12.5, trunks: [10, 20, 30] });
  });
  it('splits old free-text tags (PVE 6)', () => {
    expect(parseResponse(guestConfigSchema, bodiesByVersion.pve6.guestConfig, 'GET config').tags).toEqual([
      'one',
      'two',
      'three',
    ]);
  });
  it('names the config key of an unreadable property string', () => {
    const body = { ...(bodiesByVersion.pve9.guestConfig as object), net0: 'bridge=vmbr0' };
    expect(() => parseResponse(guestConfigSchema, body, 'GET /nodes/pve1/lxc/100/config')).toThrow(
      expect.objectContaining({ name: 'ResponseShapeError', fieldPath: 'data.net0' }),
    );
  });
});

describe('snapshotList', () => {
  eachVersion<SnapshotList>('snapshotList', snapshotListSchema, (out) => {
    expect(out.current).toBeDefined();
    expect(out.snapshots.some((snapshot) => snapshot.name === 'current')).toBe(false);
    for (const snapshot of out.snapshots) expect(snapshot.description).toBeTypeOf('string');
  });
  it('separates the current pseudo-entry', () => {
    const out = parseResponse(snapshotListSchema, bodiesByVersion.pve9.snapshotList, 'GET snapshot');
    expect(out.snapshots.map((snapshot) => snapshot.name)).toEqual(['before-upgrade', 'after-upgrade']);
    expect(out.current).toEqual({
      running: true,
      parent: 'after-upgrade',
      digest: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });
  it('reads a guest without snapshots', () => {
    const out = parseResponse(snapshotListSchema, bodiesByVersion.pve7.snapshotList, 'GET snapshot');
    expect(out.snapshots).toEqual([]);
    expect(out.current?.running).toBe(true);
    expect(out.current?.parent).toBeUndefined();
  });
});

describe('storageList', () => {
  eachVersion<StorageConfig[]>('storageList', storageListSchema, (out) => {
    const digests = new Set(out.map((storage) => storage.digest));
    expect(digests.size).toBe(1);
    for (const storage of out) expect(Array.isArray(storage.content)).toBe(true);
  });
  it('splits content and nodes and keeps plugin keys', () => {
    const out = parseResponse(storageListSchema, bodiesByVersion.pve9.storageList, 'GET /storage');
    expect(out[0]?.content).toEqual(['iso', 'vztmpl', 'backup', 'import']);
    expect(out[0]?.['prune-backups']).toBe('keep-all=1');
    expect(out[2]?.nodes).toEqual(['pve1', 'pve2']);
    expect(out[0]?.shared).toBe(false);
  });
});

describe('nodeStorage', () => {
  eachVersion<NodeStorage[]>('nodeStorage', nodeStorageSchema, (out) => {
    for (const storage of out) {
      expect(storage.enabled).toBe(true);
      expect(Array.isArray(storage.content)).toBe(true);
    }
  });
  it('accepts an inactive storage without sizes', () => {
    const out = parseResponse(nodeStorageSchema, bodiesByVersion.pve9.nodeStorage, 'GET storage');
    expect(out[1]).toMatchObject({ storage: 'pbs', active: false, shared: true });
    expect(out[1]?.total).toBeUndefined();
  });
});

describe('storageContent', () => {
  eachVersion<StorageContentItem[]>('storageContent', storageContentSchema, (out) => {
    for (const item of out) {
      expect(item.size).toBeTypeOf('number');
      if (item.ctime !== undefined) expect(item.ctime).toBeTypeOf('number');
      if (item.vmid !== undefined) expect(item.vmid).toBeTypeOf('number');
    }
  });
  it('keeps a PBS verification UPID as a string', () => {
    const [backup] = parseResponse(storageContentSchema, bodiesByVersion.pve9.storageContent, 'GET content');
    expect(backup?.verification?.upid).toMatch(/^UPID:backup-srv:.*verificationjob/);
    expect(backup?.protected).toBe(true);
  });
  it('coerces string ctime (lvmthin) and string size (before PVE 7.2)', () => {
    const out = parseResponse(storageContentSchema, bodiesByVersion.pve6.storageContent, 'GET content');
    expect(out.map((item) => [item.size, item.ctime, item.vmid])).toEqual([
      [4504446, 1606311551, 100],
      [1082130432, 1606311559, 100],
    ]);
  });
});

describe('clusterResources', () => {
  eachVersion<ClusterResource[]>('clusterResources', clusterResourcesSchema, (out) => {
    const types = new Set(out.map((resource) => resource.type));
    expect(types.has('node')).toBe(true);
    expect(types.has('lxc')).toBe(true);
    for (const resource of out) {
      if (resource.type === 'lxc' || resource.type === 'qemu') {
        expect(resource.vmid).toBeTypeOf('number');
        expect(resource.template).toBe(false);
      }
    }
  });
  it('passes through fields of newer types', () => {
    const out = parseResponse(clusterResourcesSchema, bodiesByVersion.pve9.clusterResources, 'GET resources');
    const network = out.find((resource) => resource.type === 'network');
    expect(network?.['network-type']).toBe('zone');
    expect(out.find((resource) => resource.type === 'node')?.['cgroup-mode']).toBe(2);
  });
});

describe('taskList', () => {
  eachVersion<TaskListItem[]>('taskList', taskListSchema, (out) => {
    for (const task of out) {
      expect(task.upid.startsWith(`UPID:${task.node}:`)).toBe(true);
      expect(task.id).toBeTypeOf('string');
    }
  });
  it('reads token tasks, RUNNING and saved', () => {
    const out = parseResponse(taskListSchema, bodiesByVersion.pve9.taskList, 'GET tasks');
    expect(out[0]).toMatchObject({ status: 'RUNNING', saved: true, tokenid: 'agent', user: 'felhom@pve' });
    expect(out[1]?.saved).toBeUndefined();
    expect(out[2]).toMatchObject({ id: '', status: 'WARNINGS: 2' });
  });
});

describe('permissions', () => {
  eachVersion<Permissions>('permissions', permissionsSchema, (out) => {
    for (const privileges of Object.values(out)) {
      for (const propagate of Object.values(privileges)) expect(propagate).toBeTypeOf('boolean');
    }
  });
  it('maps the propagate flag to a boolean (0 still means granted)', () => {
    const out = parseResponse(permissionsSchema, bodiesByVersion.pve9.permissions, 'GET /access/permissions');
    expect(out['/']).toEqual({ 'Sys.Audit': false });
    expect(out['/vms/100']?.['VM.Snapshot']).toBe(true);
  });
  it('refuses an array', () => {
    expect(() => parseResponse(permissionsSchema, [], 'GET /access/permissions')).toThrow(/at data/);
  });
});

describe('UPID responses', () => {
  eachVersion<string>('upid', upidStringSchema, (out) => {
    expect(out).toMatch(/^UPID:.*:$/);
  });
  it('refuses a non-UPID string', () => {
    expect(() => parseResponse(upidStringSchema, 'OK', 'POST start')).toThrow(
      expect.objectContaining({ fieldPath: 'data' }),
    );
  });
});
