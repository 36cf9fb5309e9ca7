import { InvalidArgumentError, type ProxmoxClient } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// The VM methods refuse bad input before any request: a typed error naming the parameter and
// the value, and nothing in the simulated host's request log.
const sim = useSimulator();

type Case = readonly [
  label: string,
  call: (c: ProxmoxClient) => Promise<unknown>,
  parameter: string,
  value: unknown,
];

const cases: readonly Case[] = [
  ['listVMs node', (c) => c.listVMs('pve1/..'), 'node', 'pve1/..'],
  ['vmStatus vmid', (c) => c.vmStatus('pve1', 12), 'vmid', 12],
  [
    'vmConfig snapshot',
    (c) => c.vmConfig('pve1', 102, { snapshot: 'current' }),
    'options.snapshot',
    'current',
  ],
  [
    'vmConfig current with snapshot',
    (c) => c.vmConfig('pve1', 102, { current: true, snapshot: 'before' }),
    'options.current',
    true,
  ],
  ['listVMSnapshots vmid', (c) => c.listVMSnapshots('pve1', 0), 'vmid', 0],
];

describe('VM inputs are validated before any request', () => {
  it.each(cases)('%s', async (_label, call, parameter, value) => {
    const error = await caught(() => call(sim.client));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ reason: 'invalid-argument', parameter });
    expect((error as InvalidArgumentError).value).toEqual(value);
    expect(sim.cluster.requests).toEqual([]);
  });
});

describe('valid VM reads are sent as PVE reads them', () => {
  it('vmConfig sends current as 1 and a snapshot by name', async () => {
    await sim.client.vmConfig('pve1', 102, { current: true });
    await sim.client.vmConfig('pve2', 201, { snapshot: 'clean-install' });
    expect(sim.cluster.requests.map((r) => [r.path, r.query, r.status])).toEqual([
      ['/nodes/pve1/qemu/102/config', { current: '1' }, 200],
      ['/nodes/pve2/qemu/201/config', { snapshot: 'clean-install' }, 200],
    ]);
  });
});
