import { InvalidArgumentError, type ProxmoxClient } from '@felhom/proxmox';
import { SIM_ROOT_TOKEN_ID, SIM_ROOT_TOKEN_SECRET } from '@felhom/proxmox/testing';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// The cluster and container methods refuse bad input before any request: a typed error naming
// the parameter and the value, and nothing in the simulated host's request log.
const sim = useSimulator();

type Case = readonly [
  label: string,
  call: (c: ProxmoxClient) => Promise<unknown>,
  parameter: string,
  value: unknown,
];

const cases: readonly Case[] = [
  ['clusterStatus timeout', (c) => c.clusterStatus({ timeout: -1 }), 'options.timeout', -1],
  ['nextId vmid', (c) => c.nextId(99), 'vmid', 99],
  ['nextId vmid (string)', (c) => c.nextId('1e3' as never), 'vmid', '1e3'],
  ['tokenInfo userid', (c) => c.tokenInfo('felhom', 'agent'), 'userid', 'felhom'],
  ['tokenInfo userid (slash)', (c) => c.tokenInfo('a/b@pve', 'agent'), 'userid', 'a/b@pve'],
  ['tokenInfo tokenid', (c) => c.tokenInfo('felhom@pve', '1agent'), 'tokenid', '1agent'],
  ['tokenInfo full id as name', (c) => c.tokenInfo('felhom@pve', 'x!y'), 'tokenid', 'x!y'],
  ['reboot vmid', (c) => c.reboot('pve1', 42), 'vmid', 42],
  ['reboot timeout', (c) => c.reboot('pve1', 100, { timeout: -5 }), 'options.timeout', -5],
  ['reboot requestTimeout', (c) => c.reboot('pve1', 100, { requestTimeout: 0 }), 'options.timeout', 0],
  ['resize disk', (c) => c.resize('pve1', 100, 'mp256' as never, '+1G'), 'disk', 'mp256'],
  ['resize disk (qemu key)', (c) => c.resize('pve1', 100, 'scsi0' as never, '+1G'), 'disk', 'scsi0'],
  ['resize size', (c) => c.resize('pve1', 100, 'rootfs', '-1G'), 'size', '-1G'],
  ['resize size unit', (c) => c.resize('pve1', 100, 'rootfs', '2GB'), 'size', '2GB'],
  [
    'resize digest',
    (c) => c.resize('pve1', 100, 'rootfs', '+1G', { digest: 'nope' }),
    'options.digest',
    'nope',
  ],
  ['interfaces node', (c) => c.interfaces('pve 1', 100), 'node', 'pve 1'],
  ['migrate target', (c) => c.migrate('pve1', 100, 'pve_2'), 'target', 'pve_2'],
  ['migrate to itself', (c) => c.migrate('pve1', 100, 'pve1'), 'target', 'pve1'],
  [
    'migrate restart',
    (c) => c.migrate('pve1', 100, 'pve2', { restart: 'yes' as never }),
    'options.restart',
    'yes',
  ],
  [
    'migrate targetStorage',
    (c) => c.migrate('pve1', 100, 'pve2', { targetStorage: 'local lvm' }),
    'options.targetStorage',
    'local lvm',
  ],
  [
    'migrate targetStorage map',
    (c) => c.migrate('pve1', 100, 'pve2', { targetStorage: { 'local-lvm': '' } }),
    'options.targetStorage.local-lvm',
    '',
  ],
  [
    'migrate targetStorage empty map',
    (c) => c.migrate('pve1', 100, 'pve2', { targetStorage: {} }),
    'options.targetStorage',
    {},
  ],
  ['migrate bwlimit', (c) => c.migrate('pve1', 100, 'pve2', { bwlimit: 1.5 }), 'options.bwlimit', 1.5],
];

describe('cluster and container inputs are validated before any request', () => {
  it.each(cases)('%s', async (_label, call, parameter, value) => {
    const error = await caught(() => call(sim.client));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ reason: 'invalid-argument', parameter });
    expect((error as InvalidArgumentError).value).toEqual(value);
    expect(sim.cluster.requests).toEqual([]);
  });
});

describe('valid input is sent as PVE reads it', () => {
  it('migrate writes the storage map as a storage-pair-list and restart as 1', async () => {
    await sim.client.migrate('pve1', 101, 'pve3', {
      restart: true,
      targetStorage: { 'local-lvm': 'local-lvm' },
      bwlimit: 10_240,
    });
    await sim.client.resize('pve1', 100, 'rootfs', '12G');
    await sim.client.nextId(150);
    expect(sim.cluster.requests.map((r) => [r.method, r.path, { ...r.query, ...r.body }])).toEqual([
      [
        'POST',
        '/nodes/pve1/lxc/101/migrate',
        { target: 'pve3', restart: '1', 'target-storage': 'local-lvm:local-lvm', bwlimit: '10240' },
      ],
      ['PUT', '/nodes/pve1/lxc/100/resize', { disk: 'rootfs', size: '12G' }],
      ['GET', '/cluster/nextid', { vmid: '150' }],
    ]);
  });

  it('tokenInfo puts the user id and token name into the path as single segments', async () => {
    await sim.clientFor(SIM_ROOT_TOKEN_ID, SIM_ROOT_TOKEN_SECRET).tokenInfo('felhom@pve', 'agent');
    expect(sim.cluster.requests.map((r) => [r.path, r.status])).toEqual([
      ['/access/users/felhom%40pve/token/agent', 200],
    ]);
  });
});
