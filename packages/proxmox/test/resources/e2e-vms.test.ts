import { ProxmoxClient } from '@felhom/proxmox';
import { SimulatedCluster, type SimulatorServer, startSimulatorServer } from '@felhom/proxmox/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/record-requests.js';
import { agentToken, assertRequestsConform } from './simulator.js';

// The VM methods end to end: the client over real HTTPS to the simulated host on 127.0.0.1, the
// certificate pinned, waiting for each task with waitTask. The seeded cluster has a running Home
// Assistant OS VM (102 on pve1: UEFI, guest agent) and a stopped build VM with a snapshot (201 on
// pve2). Every request the file sends is checked against the official API schema at the end.
const cluster = new SimulatedCluster({ taskDurationMs: 20 });
let server: SimulatorServer;
let client: ProxmoxClient;
const sent: RecordedRequest[] = [];

beforeAll(async () => {
  server = await startSimulatorServer(cluster);
  client = new ProxmoxClient({
    baseUrl: server.url,
    token: agentToken,
    tls: { fingerprint: server.fingerprint256 },
    retry: { limit: 0 },
  });
});
afterEach(() => {
  sent.push(...cluster.requests.map((r) => ({ ...r, query: new URLSearchParams(r.query) })));
  cluster.clearRequestLog();
});
afterAll(async () => {
  await client.close();
  await server.close();
  assertRequestsConform(sent);
});

describe('VM reads over HTTPS', () => {
  it('listVMs and vmStatus: the running Home Assistant VM with what QEMU reports', async () => {
    const vms = await client.listVMs('pve1');
    expect(vms.map((vm) => [vm.vmid, vm.name, vm.status])).toEqual([[102, 'haos', 'running']]);
    expect(vms[0]?.tags).toEqual(['felhom', 'homeassistant']);
    const status = await client.vmStatus('pve1', 102);
    expect(status).toMatchObject({ vmid: 102, status: 'running', qmpstatus: 'running', agent: true });
    expect(status.ha).toEqual({ managed: false });
    expect(status.maxmem).toBe(4096 * 1024 * 1024);
  });

  it('vmConfig: drives, the EFI disk, NICs with model and MAC, memory, agent, typed', async () => {
    const config = await client.vmConfig('pve1', 102);
    expect(config.drives.scsi0).toEqual({
      file: 'local-lvm:vm-102-disk-1',
      discard: 'on',
      iothread: true,
      size: '32G',
      ssd: true,
    });
    expect(config.efidisk0).toEqual({
      file: 'local-lvm:vm-102-disk-0',
      efitype: '4m',
      preEnrolledKeys: false,
      size: '4M',
    });
    expect(config.nets[0]).toMatchObject({ model: 'virtio', bridge: 'vmbr0' });
    expect(config.nets[0]?.macaddr).toMatch(/^BC:24:11(:[0-9A-F]{2}){3}$/);
    expect(config).toMatchObject({ memory: 4096, cores: 2, bios: 'ovmf', onboot: true, name: 'haos' });
    expect(config.agent).toEqual({ enabled: true });
    expect(config.digest).toMatch(/^[0-9a-f]{40}$/);
  });

  it('listVMSnapshots and vmConfig of a snapshot: the build VM before its memory was raised', async () => {
    const { snapshots, current } = await client.listVMSnapshots('pve2', 201);
    expect(snapshots.map((snap) => [snap.name, snap.vmstate])).toEqual([['clean-install', false]]);
    expect(current).toMatchObject({ parent: 'clean-install', running: false });
    const now = await client.vmConfig('pve2', 201);
    const then = await client.vmConfig('pve2', 201, { snapshot: 'clean-install' });
    expect([then.memory, now.memory]).toEqual([4096, 8192]);
    expect(now.drives.ide2).toEqual({ file: 'none', media: 'cdrom' });
  });
});
