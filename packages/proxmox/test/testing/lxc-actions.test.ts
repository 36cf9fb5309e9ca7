import { describe, expect, it } from 'vitest';
import { dataOf, ROOT, useSimulatedHost } from './sim-harness.js';

const host = useSimulatedHost();
const { api } = host;

describe('rebooting a container (vzreboot)', () => {
  it('reboots a running CT, so its uptime starts again', async () => {
    host.advance(30_000);
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/lxc/100/status/reboot', { params: { timeout: 30 } }),
    );
    expect(upid).toMatch(/:vzreboot:100:felhom@pve!agent:$/);
    expect(await host.finish(upid)).toEqual({ type: 'vzreboot', exitstatus: 'OK', log: ['TASK OK'] });
    expect(dataOf(await api('GET', '/nodes/pve1/lxc/100/status/current'))).toMatchObject({
      status: 'running',
      uptime: 0,
    });
  });

  it('fails the call for a stopped or unknown CT, naming it a VM as pve-container does', async () => {
    for (const vmid of [101, 555]) {
      const res = await api('POST', `/nodes/pve1/lxc/${vmid}/status/reboot`);
      expect([res.status, res.statusText]).toEqual([500, `VM ${vmid} not running`]);
    }
    host.cluster.addToken({ id: 'ro@pve!ro', secret: 'r', privileges: ['VM.Audit'] });
    const denied = await api('POST', '/nodes/pve1/lxc/100/status/reboot', { token: 'ro@pve!ro=r' });
    expect(denied.statusText).toBe('Permission check failed (/vms/100, VM.PowerMgmt)');
  });
});

describe('resizing a container disk (resize)', () => {
  it('grows the root disk in a task, offline with e2fsck, and updates config and storage', async () => {
    const upid = dataOf<string>(
      await api('PUT', '/nodes/pve1/lxc/101/resize', { params: { disk: 'rootfs', size: '+4G' } }),
    );
    expect(upid).toMatch(/:resize:101:felhom@pve!agent:$/);
    expect(dataOf(await api('GET', '/nodes/pve1/lxc/101/config')).rootfs).toBe(
      'local-lvm:vm-101-disk-0,size=8G',
    );
    const { log } = await host.finish(upid);
    expect(log.slice(0, 3)).toEqual([
      '  Size of logical volume pve/vm-101-disk-0 changed from 8.00 GiB (2048 extents) to 12.00 GiB (3072 extents).',
      '  Logical volume pve/vm-101-disk-0 successfully resized.',
      'e2fsck 1.47.2 (1-Jan-2025)',
    ]);
    expect(log).toContain('The filesystem on /dev/pve/vm-101-disk-0 is now 3145728 (4k) blocks long.');
    expect(log.at(-1)).toBe('TASK OK');
    expect(dataOf(await api('GET', '/nodes/pve1/lxc/101/config')).rootfs).toBe(
      'local-lvm:vm-101-disk-0,size=12G',
    );
    const volume = dataOf<{ size: number }[]>(
      await api('GET', '/nodes/pve1/storage/local-lvm/content', { params: { vmid: 101 } }),
    )[0];
    expect(volume?.size).toBe(12 * 1024 ** 3);
  });

  it('resizes a running CT online, to an absolute size', async () => {
    const { log } = await host.finish(
      dataOf(await api('PUT', '/nodes/pve1/lxc/100/resize', { params: { disk: 'rootfs', size: '10G' } })),
    );
    expect(log).toContain(
      'Filesystem at /dev/pve/vm-100-disk-0 is mounted on /tmp; on-line resizing required',
    );
  });

  it('refuses to shrink, to keep the size, a bad size and a locked CT, before forking', async () => {
    const resize = (size: string, vmid = 101) =>
      api('PUT', `/nodes/pve1/lxc/${vmid}/resize`, { params: { disk: 'rootfs', size } });
    expect((await resize('4G')).statusText).toBe('unable to shrink disk size');
    expect((await resize('8G')).statusText).toBe('disk is already at specified size');
    expect((await resize('-1G')).body?.errors).toEqual({ size: 'value does not match the regex pattern' });
    await api('POST', '/nodes/pve1/vzdump', { params: { vmid: 101, storage: 'local' } });
    expect((await resize('+1G')).statusText).toBe('CT is locked (backup)');
  });

  it('needs VM.Config.Disk, and VM.Config.Options for the `disk` key, and space on the storage', async () => {
    const token = (privileges: string[]) => {
      host.cluster.addToken({ id: 'disk@pve!rs', secret: 'd', acl: [{ path: '/', privileges }] });
      return 'disk@pve!rs=d';
    };
    const resize = (privileges: string[]) =>
      api('PUT', '/nodes/pve1/lxc/101/resize', {
        token: token(privileges),
        params: { disk: 'rootfs', size: '+1G' },
      });
    expect((await resize(['VM.Audit'])).statusText).toBe(
      'Permission check failed (/vms/101, VM.Config.Disk)',
    );
    expect((await resize(['VM.Config.Disk'])).statusText).toBe(
      'Permission check failed (/vms/101, VM.Config.Options)',
    );
    expect((await resize(['VM.Config.Disk', 'VM.Config.Options'])).statusText).toBe(
      'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)',
    );
    expect((await resize(['VM.Config.Disk', 'VM.Config.Options', 'Datastore.AllocateSpace'])).status).toBe(
      200,
    );
  });
});

describe('container interfaces', () => {
  it("lists a running CT's interfaces with old and new address fields", async () => {
    const list = dataOf<Record<string, unknown>[]>(await api('GET', '/nodes/pve1/lxc/100/interfaces'));
    expect(list.map((i) => i.name)).toEqual(['lo', 'eth0']);
    expect(list[1]).toEqual({
      name: 'eth0',
      hwaddr: 'bc:24:11:5a:00:64',
      'hardware-address': 'bc:24:11:5a:00:64',
      inet: expect.stringMatching(/^192\.168\.10\.\d+\/24$/),
      inet6: 'fe80::be24:11ff:fe5a:64/64',
      'ip-addresses': [
        { 'ip-address-type': 'inet', 'ip-address': expect.any(String), prefix: 24 },
        { 'ip-address-type': 'inet6', 'ip-address': 'fe80::be24:11ff:fe5a:64', prefix: 64 },
      ],
    });
  });

  it('answers null for a stopped or unknown CT, and needs VM.Audit', async () => {
    expect((await api('GET', '/nodes/pve1/lxc/101/interfaces')).body).toEqual({ data: null });
    expect((await api('GET', '/nodes/pve1/lxc/555/interfaces')).body).toEqual({ data: null });
    host.cluster.addToken({ id: 'none@pve!no', secret: 'n', privileges: [] });
    expect((await api('GET', '/nodes/pve1/lxc/100/interfaces', { token: 'none@pve!no=n' })).statusText).toBe(
      'Permission check failed (/vms/100, VM.Audit)',
    );
  });
});

describe('migrating a container (vzmigrate)', () => {
  it('moves a stopped CT and its local disk to the target when the task ends', async () => {
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve3/lxc/300/migrate', { token: ROOT, params: { target: 'pve2' } }),
    );
    expect(upid).toMatch(/^UPID:pve3:.*:vzmigrate:300:root@pam!sim:$/);
    expect(dataOf(await api('GET', '/nodes/pve3/lxc/300/status/current')).lock).toBe('migrate');
    const { log, exitstatus } = await host.finish(upid);
    expect(exitstatus).toBe('OK');
    const stamp = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`;
    expect(log[0]).toMatch(
      new RegExp(`^${stamp} starting migration of CT 300 to node 'pve2' \\(192\\.168\\.10\\.12\\)$`),
    );
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ found local volume 'local-lvm:vm-300-disk-0' \(in current VM config\)$/),
        expect.stringMatching(
          / volume 'local-lvm:vm-300-disk-0' is 'local-lvm:vm-300-disk-0' on the target$/,
        ),
        expect.stringMatching(/ migration finished successfully \(duration 00:00:05\)$/),
      ]),
    );
    expect((await api('GET', '/nodes/pve3/lxc/300/status/current')).status).toBe(500);
    expect(dataOf(await api('GET', '/nodes/pve2/lxc/300/config'))).not.toHaveProperty('lock');
    expect(
      dataOf<{ vmid: number }[]>(
        await api('GET', '/nodes/pve2/storage/local-lvm/content', { params: { vmid: 300 } }),
      ),
    ).toHaveLength(1);
  });

  it('needs restart (or online) for a running CT; restart shuts it down and starts it on the target', async () => {
    const plain = await api('POST', '/nodes/pve1/lxc/100/migrate', {
      token: ROOT,
      params: { target: 'pve3' },
    });
    expect([plain.status, plain.statusText]).toEqual([
      500,
      "can't migrate running container without --online or --restart",
    ]);
    const upid = dataOf<string>(
      await api('POST', '/nodes/pve1/lxc/100/migrate', {
        token: ROOT,
        params: { target: 'pve3', restart: 1 },
      }),
    );
    expect(host.cluster.guest(100)?.status).toBe('stopped');
    const { log } = await host.finish(upid);
    expect(log[0]).toMatch(/ shutdown CT 100$/);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ start container on target node$/),
        expect.stringMatching(
          / # \/usr\/bin\/ssh -e none -o 'BatchMode=yes' -o 'HostKeyAlias=pve3' .* root@192\.168\.10\.13 pct start 100$/,
        ),
      ]),
    );
    expect(host.cluster.guest(100)).toMatchObject({ node: 'pve3', status: 'running' });
  });

  it('fails the task: live migration, a lock, an unreachable target, snapshots on LVM-thin', async () => {
    const aborted = async (path: string, params: Record<string, string | number>) => {
      const result = await host.finish(dataOf(await api('POST', path, { token: ROOT, params })));
      expect(result.exitstatus).toBe('migration aborted');
      return result.log;
    };
    expect((await aborted('/nodes/pve2/lxc/200/migrate', { target: 'pve1', online: 1 })).at(-2)).toMatch(
      / ERROR: migration aborted \(duration 00:00:00\): lxc live migration is currently not implemented$/,
    );
    await api('POST', '/nodes/pve2/vzdump', { params: { vmid: 200, storage: 'nas' } });
    expect((await aborted('/nodes/pve2/lxc/200/migrate', { target: 'pve1', restart: 1 })).at(-2)).toMatch(
      / ERROR: migration aborted \(duration 00:00:00\): CT is locked \(backup\)$/,
    );
    expect(host.cluster.guest(200)).toMatchObject({ node: 'pve2', status: 'running' });
    host.cluster.setNodeOnline('pve3', false);
    expect((await aborted('/nodes/pve1/lxc/101/migrate', { target: 'pve3' })).at(-2)).toMatch(
      /: Can't connect to destination address using public key$/,
    );
    const log = await aborted('/nodes/pve1/lxc/101/migrate', { target: 'pve2' });
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          / can't migrate local volume 'local-lvm:vm-101-disk-0': non-migratable snapshot exists$/,
        ),
        expect.stringMatching(/ ERROR: can't migrate CT - check log$/),
        expect.stringMatching(/ aborting phase 1 - cleanup resources$/),
      ]),
    );
    expect(host.cluster.guest(101)).toMatchObject({ node: 'pve1' });
    expect(dataOf(await api('GET', '/nodes/pve1/lxc/101/config'))).not.toHaveProperty('lock');
  });

  it("answers PVE's errors for the local node, an unknown node, and without VM.Migrate", async () => {
    const local = await api('POST', '/nodes/pve1/lxc/101/migrate', {
      token: ROOT,
      params: { target: 'pve1' },
    });
    expect(local.body?.errors).toEqual({ target: 'target is local node.' });
    expect(
      (await api('POST', '/nodes/pve1/lxc/101/migrate', { token: ROOT, params: { target: 'pve9' } }))
        .statusText,
    ).toBe("no such cluster node 'pve9'");
    host.cluster.addToken({ id: 'ops@pve!ops', secret: 'o', privileges: ['VM.Audit', 'VM.PowerMgmt'] });
    const denied = await api('POST', '/nodes/pve1/lxc/101/migrate', {
      token: 'ops@pve!ops=o',
      params: { target: 'pve2' },
    });
    expect(denied.statusText).toBe('Permission check failed (/vms/101, VM.Migrate)');
    expect(
      (await api('POST', '/nodes/pve1/lxc/101/migrate', { token: ROOT, params: { target: 'pve2' } })).status,
    ).toBe(200);
  });
});
