import { APIError, parseUPID } from '@felhom/proxmox';
import type { SimProfileName } from '@felhom/proxmox/testing';
import { describe, expect, it } from 'vitest';
import { caught, useSimulator } from './simulator.js';

// The same client calls against the PVE 7, 8 and 9 wire profiles: older list shapes (vmid as a
// string), error bodies without `message` (the text only in the reason phrase), version forms.
// The profile comes from the running test's name (the describe.each title below).
const sim = useSimulator(() => ({
  profile: (/\b(pve[789]) profile\b/.exec(expect.getState().currentTestName ?? '')?.[1] ??
    'pve9') as SimProfileName,
}));

const expected: Record<SimProfileName, { release: string; major: number; vmidWire: 'string' | 'number' }> = {
  pve7: { release: '7.4', major: 7, vmidWire: 'string' },
  pve8: { release: '8.4', major: 8, vmidWire: 'number' },
  pve9: { release: '9.1', major: 9, vmidWire: 'number' },
};

describe.each(['pve7', 'pve8', 'pve9'] as const)('the %s profile', (name) => {
  it('reads version, guests, status, config and storage into the same typed shapes', async () => {
    expect(sim.cluster.profile.name).toBe(name);
    const wire = await sim.client.request<{ vmid: unknown }[]>('GET', '/nodes/pve1/lxc');
    expect(typeof wire.data[0]?.vmid).toBe(expected[name].vmidWire);
    expect(await sim.client.version()).toMatchObject({
      release: expected[name].release,
      major: expected[name].major,
    });
    const guests = await sim.client.listLXC('pve1');
    expect(guests.map((g) => g.vmid)).toEqual([100, 101]);
    const status = await sim.client.guestStatus('pve1', 100);
    expect(status).toMatchObject({ vmid: 100, status: 'running' });
    expect(typeof status.pressurecpusome).toBe(name === 'pve9' ? 'number' : 'undefined');
    expect((await sim.client.guestConfig('pve1', 100)).nets[0]?.bridge).toBe('vmbr0');
    expect((await sim.client.nodeStatus('pve1')).loadavg).toHaveLength(3);
    expect((await sim.client.nodeStorage('pve1')).length).toBeGreaterThan(0);
  });

  it('turns an error with or without a body message into the same APIError', async () => {
    expect(sim.cluster.profile.name).toBe(name);
    const error = (await caught(() => sim.client.start('pve1', 100))) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 500, hostMessage: 'CT 100 already running' });
  });

  it('starts tasks whose UPIDs parse the same way', async () => {
    expect(sim.cluster.profile.name).toBe(name);
    const upid = await sim.client.start('pve1', 101);
    expect(parseUPID(upid.raw)).toEqual(upid);
    expect(upid).toMatchObject({ node: 'pve1', type: 'vzstart', id: '101' });
  });
});
