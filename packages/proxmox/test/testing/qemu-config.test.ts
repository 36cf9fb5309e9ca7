import { describe, expect, it } from 'vitest';
import { dataOf, useSimulatedHost } from './sim-harness.js';

const host = useSimulatedHost();
const { api } = host;

const config = async (vmid: number, node = vmid === 201 ? 'pve2' : 'pve1', current = false) =>
  dataOf(await api('GET', `/nodes/${node}/qemu/${vmid}/config`, current ? { params: { current: 1 } } : {}));

describe('reading a VM config', () => {
  it('types integers and booleans as numbers, and memory and agent (property strings) as text', async () => {
    const data = await config(102);
    expect(data).toMatchObject({
      name: 'haos',
      cores: 2,
      sockets: 1,
      memory: '4096',
      agent: '1',
      onboot: 1,
      tablet: 0,
      numa: 0,
      bios: 'ovmf',
      ostype: 'l26',
      machine: 'q35',
      scsi0: 'local-lvm:vm-102-disk-1,discard=on,iothread=1,size=32G,ssd=1',
      efidisk0: 'local-lvm:vm-102-disk-0,efitype=4m,pre-enrolled-keys=0,size=4M',
      net0: expect.stringMatching(/^virtio=BC:24:11:[0-9A-F:]{8},bridge=vmbr0$/),
      digest: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });

  it("reads a snapshot's config, and refuses snapshot together with current", async () => {
    expect(
      dataOf(await api('GET', '/nodes/pve2/qemu/201/config', { params: { snapshot: 'clean-install' } })),
    ).toMatchObject({ memory: '4096', description: 'fresh Debian 13 install' });
    const both = await api('GET', '/nodes/pve2/qemu/201/config', {
      params: { snapshot: 'clean-install', current: 1 },
    });
    expect(both.status).toBe(400);
    expect(both.body?.errors).toEqual({
      snapshot: "cannot use 'snapshot' parameter with 'current'",
      current: "cannot use 'snapshot' parameter with 'current'",
    });
  });
});

describe('changing a VM config with PUT', () => {
  it('applies every change to a stopped VM at once and refuses a stale digest', async () => {
    const digest = String((await config(201)).digest);
    expect(
      dataOf(await api('PUT', '/nodes/pve2/qemu/201/config', { params: { memory: 2048, cores: 2, digest } })),
    ).toBeNull();
    expect(await config(201, 'pve2', true)).toMatchObject({ memory: '2048', cores: 2 });
    const stale = await api('PUT', '/nodes/pve2/qemu/201/config', { params: { memory: 1024, digest } });
    expect([stale.status, stale.statusText]).toEqual([500, 'checksum mismatch (file change by other user?)']);
  });

  it('keeps what a running VM cannot take in [PENDING] until it starts again', async () => {
    await api('PUT', '/nodes/pve1/qemu/102/config', {
      params: { memory: 6144, name: 'homeassistant', delete: 'cpu' },
    });
    // name is fast-plugged; memory and the CPU type wait for the next start
    expect(await config(102)).toMatchObject({ memory: '6144', name: 'homeassistant' });
    expect(await config(102)).not.toHaveProperty('cpu');
    expect(await config(102, 'pve1', true)).toMatchObject({
      memory: '4096',
      name: 'homeassistant',
      cpu: 'host',
    });
    await api('PUT', '/nodes/pve1/qemu/102/config', { params: { revert: 'cpu' } });
    expect(await config(102)).toMatchObject({ cpu: 'host', memory: '6144' });
    await host.finish(dataOf(await api('POST', '/nodes/pve1/qemu/102/status/reboot')));
    expect(await config(102, 'pve1', true)).toMatchObject({ memory: '6144', cpu: 'host' });
  });

  it('allocates a new disk, detaches a removed one as unusedN, and frees it when that is removed', async () => {
    await api('PUT', '/nodes/pve2/qemu/201/config', { params: { scsi1: 'local-lvm:4,discard=on' } });
    expect((await config(201)).scsi1).toBe('local-lvm:vm-201-disk-1,discard=on,size=4G');
    const content = async () =>
      dataOf<{ volid: string; content: string }[]>(
        await api('GET', '/nodes/pve2/storage/local-lvm/content', { params: { vmid: 201 } }),
      ).map((v) => [v.volid, v.content]);
    expect(await content()).toEqual([
      ['local-lvm:vm-201-disk-0', 'images'],
      ['local-lvm:vm-201-disk-1', 'images'],
    ]);
    await api('PUT', '/nodes/pve2/qemu/201/config', { params: { delete: 'scsi1' } });
    expect(await config(201)).toMatchObject({ unused0: 'local-lvm:vm-201-disk-1' });
    await api('PUT', '/nodes/pve2/qemu/201/config', { params: { delete: 'unused0' } });
    expect(await config(201)).not.toHaveProperty('unused0');
    expect(await content()).toEqual([['local-lvm:vm-201-disk-0', 'images']]);
    const wrong = await api('PUT', '/nodes/pve2/qemu/201/config', { params: { scsi2: 'nas:4' } });
    expect(wrong.body?.errors).toEqual({ storage: "storage 'nas' does not support vm images" });
  });

  it('gives a new NIC a MAC address', async () => {
    await api('PUT', '/nodes/pve2/qemu/201/config', { params: { net1: 'virtio,bridge=vmbr0,tag=20' } });
    expect((await config(201)).net1).toMatch(/^virtio=BC:24:11:[0-9A-F]{2}:00:C9,bridge=vmbr0,tag=20$/);
  });

  it('checks each option against its privilege, in the order qemu-server does', async () => {
    host.cluster.addToken({
      id: 'ops@pve!cfg',
      secret: 'c',
      acl: [{ path: '/vms/102', privileges: ['VM.Audit', 'VM.Config.Options', 'VM.Config.CDROM'] }],
    });
    const put = (params: Record<string, string | number>) =>
      api('PUT', '/nodes/pve1/qemu/102/config', { token: 'ops@pve!cfg=c', params });
    expect((await put({ memory: 2048 })).statusText).toBe(
      'Permission check failed (/vms/102, VM.Config.Memory)',
    );
    expect((await put({ vga: 'std' })).statusText).toBe(
      'Permission check failed (/vms/102, VM.Config.HWType)',
    );
    expect((await put({ startup: 'order=1' })).statusText).toBe('Permission check failed (/, Sys.Modify)');
    expect((await put({ scsi1: 'local-lvm:4' })).statusText).toBe(
      'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)',
    );
    expect((await put({ ide2: 'none,media=cdrom' })).status).toBe(200);
    expect((await put({ delete: 'scsi0' })).statusText).toBe(
      'Permission check failed (/vms/102, VM.Config.Disk)',
    );
    // options no privilege grants are root@pam's alone, a plain 500
    expect([
      (await put({ args: '-no-reboot' })).status,
      (await put({ args: '-no-reboot' })).statusText,
    ]).toEqual([500, "only root can set 'args' config"]);
    expect((await put({ description: 'Home Assistant OS 16' })).status).toBe(200);
    const noConfig = await api('PUT', '/nodes/pve1/qemu/102/config', {
      token: 'ops@pve!cfg=c',
      params: {},
    });
    expect(noConfig.statusText).toBe('no options specified');
  });

  it('needs SDN.Use on the bridge for a NIC', async () => {
    host.cluster.addToken({ id: 'net@pve!tk', secret: 'n', privileges: ['VM.Config.Network', 'VM.Audit'] });
    const res = await api('PUT', '/nodes/pve2/qemu/201/config', {
      token: 'net@pve!tk=n',
      params: { net0: 'virtio,bridge=vmbr1,tag=30' },
    });
    expect(res.statusText).toBe('Permission check failed (/sdn/zones/localnetwork/vmbr1/30, SDN.Use)');
  });

  it("answers PVE's parameter errors for conflicting and unknown options", async () => {
    const cases: [Record<string, string | number>, Record<string, string>][] = [
      [
        { memory: 2048, delete: 'memory' },
        { delete: "you can't use '-memory' and -delete memory' at the same time" },
      ],
      [
        { delete: 'cores', revert: 'cores' },
        { revert: "you can't use '-delete cores' and -revert cores' at the same time" },
      ],
      [{ delete: 'colour' }, { delete: "unknown option 'colour'" }],
      [{ skiplock: 1, memory: 1024 }, { skiplock: 'Only root may use this option.' }],
    ];
    for (const [params, errors] of cases) {
      expect((await api('PUT', '/nodes/pve2/qemu/201/config', { params })).body?.errors).toEqual(errors);
    }
  });

  it('refuses changes while the VM is locked, with the VM wording', async () => {
    await api('POST', '/nodes/pve2/qemu/201/snapshot', { params: { snapname: 'pre' } });
    const res = await api('PUT', '/nodes/pve2/qemu/201/config', { params: { memory: 1024 } });
    expect([res.status, res.statusText]).toEqual([500, 'VM is locked (snapshot)']);
  });
});

describe('changing a VM config with POST (qmconfig)', () => {
  it('runs the change in a task that logs it; the config changes when the task ends', async () => {
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve2/qemu/201/config', { params: { memory: 3072, delete: 'tags' } }),
    );
    expect(upid).toMatch(/:qmconfig:201:felhom@pve!agent:$/);
    expect((await config(201)).memory).toBe('8192');
    expect(await host.finish(upid)).toEqual({
      type: 'qmconfig',
      exitstatus: 'OK',
      log: [
        'update VM 201: -delete tags -memory 3072',
        "cannot delete 'tags' - not set in current configuration!",
        'TASK OK',
      ],
    });
    expect((await config(201)).memory).toBe('3072');
  });

  it('answers null when the change ends within background_delay', async () => {
    const res = await api('POST', '/nodes/pve2/qemu/201/config', {
      params: { cores: 8, background_delay: 5 },
    });
    expect(res.body).toEqual({ data: null });
    expect((await config(201)).cores).toBe(8);
  });

  it('fails the task when a per-drive privilege is missing', async () => {
    host.cluster.addToken({
      id: 'cd@pve!tk',
      secret: 'd',
      privileges: ['VM.Config.Options', 'Datastore.AllocateSpace'],
    });
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve2/qemu/201/config', {
        token: 'cd@pve!tk=d',
        params: { ide2: 'none,media=cdrom' },
      }),
    );
    expect((await host.finish(upid)).log.at(-1)).toBe(
      'TASK ERROR: Permission check failed (/vms/201, VM.Config.CDROM)',
    );
  });
});
