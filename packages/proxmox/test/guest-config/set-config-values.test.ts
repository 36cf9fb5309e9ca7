import { type GuestConfigChanges, InvalidArgumentError } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from '../resources/simulator.js';

// Values are checked against the PVE API schema's limits before anything is sent.
const sim = useSimulator();

const refused: ReadonlyArray<readonly [string, GuestConfigChanges, string]> = [
  ['cores 0', { cores: 0 }, 'cores'],
  ['cores 8193', { cores: 8193 }, 'cores'],
  ['memory 1.5', { memory: 1.5 }, 'memory'],
  ['memory 8', { memory: 8 }, 'memory'],
  ['arch sparc', { arch: 'sparc' }, 'arch'],
  ['tty 7', { tty: 7 }, 'tty'],
  ['cpulimit -1', { cpulimit: -1 }, 'cpulimit'],
  ['a 9 000-character description', { description: 'x'.repeat(9_000) }, 'description'],
  ['a string for cores', { cores: '4' as unknown as number }, 'cores'],
  ['a network tag 5000', { nets: { 0: { name: 'eth0', bridge: 'vmbr0', tag: 5000 } } }, 'net0.tag'],
  ['an mtu of 9', { nets: { 0: { name: 'eth0', mtu: 9 } } }, 'net0.mtu'],
  ['a network type other than veth', { nets: { 0: { name: 'eth0', type: 'tap' } } }, 'net0.type'],
  ['a negative device gid', { devices: { 0: { path: '/dev/dri/renderD128', gid: -1 } } }, 'dev0.gid'],
  ['the read-only parent', { parent: 'before-upgrade' } as GuestConfigChanges, 'parent'],
  ['the read-only snaptime', { snaptime: 1 } as GuestConfigChanges, 'snaptime'],
  ['cores 0 through extra', { extra: { cores: 0 } }, 'extra.cores'],
  ['parent through extra', { extra: { parent: 'x' } }, 'extra.parent'],
];

describe('setConfig checks values before sending', () => {
  it.each(refused)('refuses %s, naming the key', async (_title, changes, parameter) => {
    const before = sim.cluster.requests.length;
    const error = (await caught(() => sim.client.setConfig('pve1', 100, changes))) as InvalidArgumentError;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.parameter).toBe(parameter);
    expect(sim.cluster.requests.length).toBe(before);
    // The create/restore call encodes the same way.
    const restore = await caught(() =>
      sim.client.restoreLXC('pve1', {
        vmid: 900,
        archive: 'local:backup/vzdump-lxc-100.tar.zst',
        ...changes,
      }),
    );
    expect(restore).toBeInstanceOf(InvalidArgumentError);
    expect(sim.cluster.requests.length).toBe(before);
  });

  it('sends values at the edges of their range', async () => {
    const before = sim.cluster.requests.length;
    await sim.client.setConfig('pve1', 100, {
      cores: 1,
      memory: 16,
      tty: 6,
      cpulimit: 0.5,
      description: 'é'.repeat(8_192),
      extra: { cpuunits: '100' },
      nets: { 0: { name: 'eth0', bridge: 'vmbr0', tag: 4094, mtu: 1500 } },
    });
    expect(sim.cluster.requests.length).toBe(before + 1);
    const sent = sim.cluster.requests.at(-1)?.body ?? {};
    expect(sent.cores).toBe('1');
    expect(sent.net0).toContain('tag=4094');
  });
});
