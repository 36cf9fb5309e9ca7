import { ResponseShapeError } from '@felhom/proxmox';
import { parseResponse, type ResponseSchema } from '@felhom/proxmox/schemas';
import { describe, expect, it } from 'vitest';
import { clusterStatusSchema } from '../../src/schemas/cluster-status.js';
import { containerInterfacesSchema } from '../../src/schemas/container-interfaces.js';
import { nextIdSchema } from '../../src/schemas/next-id.js';
import { tokenInfoSchema } from '../../src/schemas/token-info.js';

// The answers of the cluster and container methods in the shapes real hosts send them
// (docs/pve-behaviour.md): numbers as strings, flags as 0/1, fields older versions leave out.

const parse = <TSchema extends ResponseSchema>(schema: TSchema, data: unknown) =>
  parseResponse(schema, data, 'GET /test');

describe('clusterStatus', () => {
  it('reads a three-node cluster: the cluster entry, then the nodes, flags as booleans', () => {
    const out = parse(clusterStatusSchema, [
      { type: 'cluster', id: 'cluster', name: 'homelab', nodes: 3, quorate: 1, version: 5 },
      {
        type: 'node',
        id: 'node/pve1',
        name: 'pve1',
        nodeid: 1,
        ip: '192.168.1.11',
        local: 1,
        online: 1,
        level: '',
      },
      {
        type: 'node',
        id: 'node/pve2',
        name: 'pve2',
        nodeid: 2,
        ip: '192.168.1.12',
        local: 0,
        online: 0,
        level: 'c',
      },
    ]);
    expect(out).toEqual([
      { type: 'cluster', id: 'cluster', name: 'homelab', nodes: 3, quorate: true, version: 5 },
      {
        type: 'node',
        id: 'node/pve1',
        name: 'pve1',
        nodeid: 1,
        ip: '192.168.1.11',
        local: true,
        online: true,
        level: '',
      },
      {
        type: 'node',
        id: 'node/pve2',
        name: 'pve2',
        nodeid: 2,
        ip: '192.168.1.12',
        local: false,
        online: false,
        level: 'c',
      },
    ]);
  });

  it('reads a standalone host: one node entry with nodeid 0 and no cluster entry', () => {
    const out = parse(clusterStatusSchema, [
      {
        type: 'node',
        id: 'node/pve',
        name: 'pve',
        ip: '10.0.0.2',
        local: 1,
        nodeid: 0,
        online: 1,
        level: '',
      },
    ]);
    expect(out).toEqual([
      {
        type: 'node',
        id: 'node/pve',
        name: 'pve',
        ip: '10.0.0.2',
        local: true,
        nodeid: 0,
        online: true,
        level: '',
      },
    ]);
  });

  it('coerces numbers sent as strings and names an unknown entry type', () => {
    const [cluster] = parse(clusterStatusSchema, [
      { type: 'cluster', id: 'cluster', name: 'c', nodes: '2', version: '7', quorate: '1' },
    ]);
    expect(cluster).toEqual({
      type: 'cluster',
      id: 'cluster',
      name: 'c',
      nodes: 2,
      version: 7,
      quorate: true,
    });
    expect(() => parse(clusterStatusSchema, [{ type: 'qdevice', id: 'q', name: 'q' }])).toThrow(
      expect.objectContaining({ fieldPath: 'data[0].type' }),
    );
  });
});

describe('nextId', () => {
  it('turns the id PVE sends as a JSON string into a number; a number passes', () => {
    expect(parse(nextIdSchema, '103')).toBe(103);
    expect(parse(nextIdSchema, 4242)).toBe(4242);
  });

  it('refuses anything that is not an id', () => {
    const error = (() => {
      try {
        parse(nextIdSchema, 'VM 100 already exists');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ fieldPath: 'data' });
  });
});

describe('tokenInfo', () => {
  it('reads PVE 6.2’s strings ("0") as numbers and booleans', () => {
    expect(parse(tokenInfoSchema, { comment: 'test', expire: '0', privsep: '0' })).toEqual({
      comment: 'test',
      expire: 0,
      privsep: false,
    });
  });

  it('reads current hosts’ numbers, and fills PVE’s defaults when a field is absent', () => {
    expect(parse(tokenInfoSchema, { expire: 1_893_456_000, privsep: 1 })).toEqual({
      expire: 1_893_456_000,
      privsep: true,
    });
    expect(parse(tokenInfoSchema, {})).toEqual({ expire: 0, privsep: true });
  });
});

describe('interfaces', () => {
  it('reads the pve-container 5.2.6+ shape with every address', () => {
    const [, eth0] =
      parse(containerInterfacesSchema, [
        { name: 'lo', hwaddr: '00:00:00:00:00:00', inet: '127.0.0.1/8', inet6: '::1/128' },
        {
          name: 'eth0',
          hwaddr: 'bc:24:11:5a:00:64',
          'hardware-address': 'bc:24:11:5a:00:64',
          inet: '192.168.10.200/24',
          inet6: 'fe80::be24:11ff:fe5a:64/64',
          'ip-addresses': [
            { 'ip-address-type': 'inet', 'ip-address': '192.168.10.200', prefix: 24 },
            { 'ip-address-type': 'inet6', 'ip-address': 'fe80::be24:11ff:fe5a:64', prefix: '64' },
          ],
        },
      ]) ?? [];
    expect(eth0?.['ip-addresses']?.map((address) => address.prefix)).toEqual([24, 64]);
    expect(eth0?.inet).toBe('192.168.10.200/24');
  });

  it('reads the older shape (no hardware-address, no ip-addresses) and null for a stopped container', () => {
    const [nic] =
      parse(containerInterfacesSchema, [
        { name: 'eth0', hwaddr: 'bc:24:11:5a:00:64', inet: '10.0.0.5/24' },
      ]) ?? [];
    expect(nic).toEqual({ name: 'eth0', hwaddr: 'bc:24:11:5a:00:64', inet: '10.0.0.5/24' });
    expect(parse(containerInterfacesSchema, null)).toBeNull();
  });
});
