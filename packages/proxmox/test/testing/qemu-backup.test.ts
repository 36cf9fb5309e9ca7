import { describe, expect, it } from 'vitest';
import { dataOf, ROOT, useSimulatedHost } from './sim-harness.js';

const host = useSimulatedHost();
const { api } = host;

describe('backing up VMs', () => {
  it('writes a VMA archive of a running VM, frozen through the guest agent, locked meanwhile', async () => {
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/vzdump', {
        params: {
          vmid: 102,
          storage: 'local',
          mode: 'snapshot',
          compress: 'zstd',
          'notes-template': '{{guestname}}',
        },
      }),
    );
    const locked = await api('PUT', '/nodes/pve1/qemu/102/config', { params: { description: 'x' } });
    expect(locked.statusText).toBe('VM is locked (backup)');
    const { log, exitstatus } = await host.finish(upid);
    expect(exitstatus).toBe('OK');
    const archive = host.cluster.latestBackup(102)!;
    expect(archive.volid).toMatch(/^local:backup\/vzdump-qemu-102-\d{4}_\d\d_\d\d-\d\d_\d\d_\d\d\.vma\.zst$/);
    const file = archive.volid.split('/')[1];
    expect(log.slice(0, 16)).toEqual([
      expect.stringMatching(
        /^INFO: starting new backup job: vzdump 102 --mode snapshot --storage local --compress zstd/,
      ),
      'INFO: Starting Backup of VM 102 (qemu)',
      expect.stringMatching(/^INFO: Backup started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      'INFO: status = running',
      'INFO: VM Name: haos',
      "INFO: include disk 'scsi0' 'local-lvm:vm-102-disk-1' 32G",
      "INFO: include disk 'efidisk0' 'local-lvm:vm-102-disk-0' 4M",
      'INFO: backup mode: snapshot',
      'INFO: ionice priority: 7',
      `INFO: creating vzdump archive '/var/lib/vz/dump/${file}'`,
      "INFO: issuing guest-agent 'fs-freeze' command",
      'INFO: starting backup via QMP command',
      "INFO: issuing guest-agent 'fs-thaw' command",
      expect.stringMatching(/^INFO: started backup task '[0-9a-f-]{36}'$/),
      'INFO: resuming VM again',
      expect.stringMatching(/^INFO: {2}14% \(4\.5 GiB of 32\.0 GiB\) in 3s, read: /),
    ]);
    expect(log).toContain('INFO: adding notes to backup');
    expect(log.slice(-2)).toEqual(['INFO: Backup job finished successfully', 'TASK OK']);
    const content = dataOf<Record<string, unknown>[]>(
      await api('GET', '/nodes/pve1/storage/local/content', { params: { content: 'backup', vmid: 102 } }),
    );
    expect(content).toEqual([
      expect.objectContaining({
        volid: archive.volid,
        subtype: 'qemu',
        format: 'vma.zst',
        notes: 'haos',
        vmid: 102,
      }),
    ]);
  });

  it('backs up a stopped VM in stop mode, starting QEMU paused for it', async () => {
    const { log } = await host.finish(
      dataOf(
        await api('POST', '/nodes/pve2/vzdump', { params: { vmid: 201, storage: 'nas', mode: 'snapshot' } }),
      ),
    );
    expect(log).toEqual(
      expect.arrayContaining([
        'INFO: status = stopped',
        'INFO: backup mode: stop',
        'INFO: starting kvm to execute backup task',
        'INFO: stopping kvm after backup task',
      ]),
    );
    expect(log.indexOf('INFO: backup mode: stop')).toBeLessThan(log.indexOf('INFO: VM Name: builder'));
    expect(log).not.toContain("INFO: issuing guest-agent 'fs-freeze' command");
  });

  it('backs up containers and VMs alike with all=1', async () => {
    const { log } = await host.finish(
      dataOf(await api('POST', '/nodes/pve1/vzdump', { params: { all: 1, storage: 'nas' } })),
    );
    expect(log.filter((line) => line.startsWith('INFO: Starting Backup of VM'))).toEqual([
      'INFO: Starting Backup of VM 100 (lxc)',
      'INFO: Starting Backup of VM 101 (lxc)',
      'INFO: Starting Backup of VM 102 (qemu)',
    ]);
    // a stopped container is backed up in stop mode too
    expect(log).toContain('INFO: status = stopped');
    expect(log.filter((line) => line === 'INFO: backup mode: stop')).toHaveLength(1);
  });
});

describe('restoring a VM (qmrestore)', () => {
  it('restores the seeded VMA backup as a new VM on new disks, locked create until the task ends', async () => {
    const archive = host.cluster.latestBackup(102)!;
    expect(archive.volid).toMatch(/^nas:backup\/vzdump-qemu-102-.*\.vma\.zst$/);
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/qemu', {
        params: { vmid: 150, archive: archive.volid, storage: 'local-lvm', unique: 1 },
      }),
    );
    expect(upid).toMatch(/:qmrestore:150:felhom@pve!agent:$/);
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/150/config'))).toMatchObject({ lock: 'create' });
    const { log, exitstatus } = await host.finish(upid);
    expect(exitstatus).toBe('OK');
    expect(log[0]).toBe(
      `restore vma archive: zstd -q -d -c /mnt/pve/nas/dump/${archive.volid.split('/')[1]} | vma extract -v -r /var/tmp/vzdumptmp1150.fifo - /var/tmp/vzdumptmp1150`,
    );
    expect(log).toEqual(
      expect.arrayContaining([
        'DEV: dev_id=1 size: 34359738368 devname: drive-scsi0',
        "new volume ID is 'local-lvm:vm-150-disk-0'",
        "map 'drive-efidisk0' to '/dev/pve/vm-150-disk-1' (write zeros = 0)",
        'rescan volumes...',
        'TASK OK',
      ]),
    );
    const config = dataOf(await api('GET', '/nodes/pve1/qemu/150/config'));
    expect(config).toMatchObject({
      name: 'haos',
      scsi0: 'local-lvm:vm-150-disk-0,discard=on,iothread=1,size=32G,ssd=1',
      efidisk0: 'local-lvm:vm-150-disk-1,efitype=4m,pre-enrolled-keys=0,size=4M',
    });
    expect(config).not.toHaveProperty('lock');
    expect(config.net0).not.toBe(dataOf(await api('GET', '/nodes/pve1/qemu/102/config')).net0);
    expect(host.cluster.guest(150)?.status).toBe('stopped');
  });

  it('checks in qemu-server order: VM.Allocate (bare 403), the free vmid, the archive', async () => {
    const archive = host.cluster.latestBackup(102)!.volid;
    host.cluster.addToken({
      id: 'dev@pve!ci',
      secret: 'c',
      acl: [{ path: '/vms/160', privileges: ['VM.Allocate'] }],
    });
    const restore = (vmid: number, volid = archive, token = 'dev@pve!ci=c') =>
      api('POST', '/nodes/pve1/qemu', { token, params: { vmid, archive: volid } });
    expect((await restore(161)).statusText).toBe('Permission check failed');
    expect((await restore(160)).statusText).toBe(
      'Permission check failed (/storage/nas, Datastore.AllocateSpace)',
    );
    expect((await restore(100, archive, ROOT)).statusText).toBe(
      "unable to restore VM 100 - CT 100 already exists on node 'pve1'",
    );
    expect(
      (await restore(160, 'nas:backup/vzdump-qemu-102-2020_01_01-00_00_00.vma.zst', ROOT)).statusText,
    ).toBe("can't find file 'nas:backup/vzdump-qemu-102-2020_01_01-00_00_00.vma.zst'");
    const drive = await api('POST', '/nodes/pve1/qemu', {
      token: ROOT,
      params: { vmid: 160, archive, scsi0: 'local-lvm:4' },
    });
    expect(drive.body?.errors).toEqual({ scsi0: "option conflicts with option 'archive'" });
  });

  it('fails the task for a container archive, and for a running VM restored with force', async () => {
    const ct = dataOf<string>(
      await api('POST', '/nodes/pve1/qemu', {
        token: ROOT,
        params: { vmid: 170, archive: host.cluster.latestBackup(100)!.volid },
      }),
    );
    const failed = await host.finish(ct);
    expect(failed.exitstatus).toMatch(
      /^ERROR: file '\/var\/lib\/vz\/dump\/vzdump-lxc-100-.*\.tar\.zst' does not look like a QemuServer vzdump backup$/,
    );
    expect(failed.log[0]).toBe(
      'error before or during data restore, some or all disks were not completely restored. VM 170 state is NOT cleaned up.',
    );
    const running = dataOf<string>(
      await api('POST', '/nodes/pve1/qemu', {
        token: ROOT,
        params: { vmid: 102, archive: host.cluster.latestBackup(102)!.volid, force: 1 },
      }),
    );
    expect((await host.finish(running)).exitstatus).toBe('unable to restore VM 102 - vm is running');
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/102/config'))).not.toHaveProperty('lock');
  });

  it('refuses to restore a VM archive as a container', async () => {
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/lxc', {
        token: ROOT,
        params: {
          vmid: 171,
          restore: 1,
          storage: 'local-lvm',
          ostemplate: host.cluster.latestBackup(102)!.volid,
        },
      }),
    );
    expect((await host.finish(upid)).exitstatus).toBe(
      'unable to restore CT 171 - ERROR: archive contains no configuration file',
    );
  });
});

describe('creating a VM (qmcreate)', () => {
  it('allocates its disks, adds a MAC, boot order and identifiers, and starts it with start=1', async () => {
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/qemu', {
        params: {
          vmid: 180,
          name: 'scratch',
          memory: 2048,
          scsi0: 'local-lvm:8,discard=on',
          net0: 'virtio,bridge=vmbr0',
          ostype: 'l26',
          start: 1,
        },
      }),
    );
    const { log, type } = await host.finish(upid);
    expect(type).toBe('qmcreate');
    expect(log).toEqual(['  Logical volume "vm-180-disk-0" created.', 'Execute autostart', 'TASK OK']);
    expect(dataOf(await api('GET', '/nodes/pve1/qemu/180/config'))).toMatchObject({
      scsi0: 'local-lvm:vm-180-disk-0,discard=on,size=8G',
      net0: expect.stringMatching(/^virtio=BC:24:11:5B:00:B4,bridge=vmbr0$/),
      boot: 'order=scsi0;net0',
      smbios1: expect.stringMatching(/^uuid=[0-9a-f-]{36}$/),
      vmgenid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      meta: expect.stringMatching(/^creation-qemu=10\.1\.2,ctime=\d+$/),
    });
    expect(host.cluster.guest(180)?.status).toBe('running');
  });

  it('needs VM.PowerMgmt for start=1 and VM.Allocate, and refuses a taken vmid', async () => {
    host.cluster.addToken({
      id: 'mk@pve!vm',
      secret: 'm',
      acl: [{ path: '/vms/181', privileges: ['VM.Allocate'] }],
    });
    const create = (vmid: number, extra: Record<string, string | number> = {}) =>
      api('POST', '/nodes/pve1/qemu', { token: 'mk@pve!vm=m', params: { vmid, ...extra } });
    expect((await create(181, { start: 1 })).statusText).toBe(
      'Permission check failed (/vms/181, VM.PowerMgmt)',
    );
    expect((await create(181, { memory: 1024 })).statusText).toBe(
      'Permission check failed (/vms/181, VM.Config.Memory)',
    );
    expect((await create(181)).status).toBe(200);
    expect((await api('POST', '/nodes/pve2/qemu', { token: ROOT, params: { vmid: 201 } })).statusText).toBe(
      "unable to create VM 201 - VM 201 already exists on node 'pve2'",
    );
  });
});
