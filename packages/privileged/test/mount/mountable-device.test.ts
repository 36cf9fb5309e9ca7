import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MountDeviceError } from '@felhom/privileged';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeviceRule } from '../../src/mount/host/device-rule.js';
import { mountableDevice } from '../../src/mount/host/mountable-device.js';
import { parseMountInfo } from '../../src/mount/host/mountinfo.js';
import { parseStorageConfig } from '../../src/mount/host/pve-references.js';
import { type FakeDisk, FakeHost, usbStick } from '../support/fake-host.js';
import { type MountSandbox, mountSandbox } from '../support/mount-sandbox.js';

let box: MountSandbox;
let host: FakeHost;
beforeEach(async () => {
  box = await mountSandbox();
  host = new FakeHost(join(box.root, 'host'));
});
afterEach(async () => {
  await box.cleanup();
});

const uuid = '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';
const ext4 = { UUID: uuid, TYPE: 'ext4', USAGE: 'filesystem' };

async function check(): Promise<unknown> {
  const mounts = parseMountInfo(host.mountTable());
  const spec = {
    uuid,
    fsType: 'ext4' as const,
    mountPoint: join(box.base, 'backup1'),
    options: 'nofail,nosuid,nodev,noexec',
  };
  return mountableDevice(spec, { runner: host.runner, paths: host.paths, mountBase: box.base, mounts }).catch(
    (e: unknown) => e,
  );
}

const refusal = (problem: string, message: RegExp | string) =>
  expect.objectContaining({
    name: 'MountDeviceError',
    problem,
    message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
  });

describe('which devices may be mounted (the device rule, read as root)', () => {
  it('allows a USB-attached disk by default and tells its kind from sysfs', async () => {
    host.addDisk(usbStick(uuid));
    expect(await check()).toMatchObject({
      path: '/dev/sdb1',
      kind: 'usb',
      disk: [{ name: 'sdb' }, { name: 'sdb1' }],
    });
  });

  it('refuses a SATA disk, a loop device and a virtio disk by default, naming the rule', async () => {
    for (const [bus, name] of [
      ['sata', 'sda'],
      ['virtual', 'loop3'],
    ] as const) {
      const other = new FakeHost(join(box.root, name));
      other.addDisk({ name, bus, major: 7, tags: ext4 });
      const mounts = parseMountInfo(other.mountTable());
      const error = await mountableDevice(
        { uuid, fsType: 'ext4', mountPoint: join(box.base, 'x'), options: 'nofail,nosuid,nodev,noexec' },
        { runner: other.runner, paths: other.paths, mountBase: box.base, mounts },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MountDeviceError);
      expect((error as MountDeviceError).problem).toBe('not-allowed');
      expect((error as Error).message).toMatch(/the default \(no .*mount-devices\) allows usb/);
    }
  });

  it('widens to the kinds root lists in the rule file, and only those', async () => {
    host.addDisk({ name: 'loop3', bus: 'virtual', major: 7, tags: ext4 });
    await writeFile(host.paths.deviceRule, '# tests mount loop devices\nallow usb\nallow loop\n', {
      mode: 0o644,
    });
    expect(await check()).toMatchObject({ kind: 'loop', path: '/dev/loop3' });
    await writeFile(host.paths.deviceRule, 'allow usb\n');
    expect(await check()).toEqual(refusal('not-allowed', /loop device, and .*mount-devices allows usb/));
  });

  it('refuses every mount when the rule file could be changed by someone else, or does not parse', async () => {
    host.addDisk(usbStick(uuid));
    await writeFile(host.paths.deviceRule, 'allow usb loop\n', { mode: 0o666 });
    await chmod(host.paths.deviceRule, 0o666);
    expect(await check()).toEqual(
      refusal('policy', /could be changed by someone other than root:\n.*writable by everyone/),
    );
    await chmod(host.paths.deviceRule, 0o644);
    await chmod(join(host.paths.deviceRule, '..'), 0o777);
    expect(await check()).toEqual(refusal('policy', /etc-felhom: writable by everyone/));
    await chmod(join(host.paths.deviceRule, '..'), 0o755);
    await writeFile(host.paths.deviceRule, 'allow usb floppy\n');
    expect(await check()).toEqual(refusal('policy', /line 1: expected "allow KIND…"/));
  });

  it('parses rules: several lines add up, comments and blanks are skipped, an empty file allows nothing', () => {
    expect([...parseDeviceRule('allow usb # USB sticks\n\n  allow loop nvme\n', 'r').allowed]).toEqual([
      'usb',
      'loop',
      'nvme',
    ]);
    expect(parseDeviceRule('# nothing\n', 'r').allowed.size).toBe(0);
    for (const bad of ['deny usb', 'allow', 'allow USB', 'allow usb,loop', 'usb']) {
      expect(() => parseDeviceRule(bad, 'r')).toThrow(/expected "allow KIND…"/);
    }
  });
});

describe('a disk in use is never mounted', () => {
  const withSibling = (
    sibling: Partial<FakeDisk['partitions'] extends readonly (infer V)[] | undefined ? V : never>,
  ): FakeDisk => ({
    ...usbStick(uuid),
    partitions: [
      { name: 'sdb1', tags: ext4 },
      { name: 'sdb2', ...sibling },
    ],
  });

  it('refuses when another partition of the disk is mounted outside the mount base (a USB boot disk)', async () => {
    host.addDisk(withSibling({ tags: { TYPE: 'ext4', UUID: 'other' } })).addMount('/dev/sdb2', '/');
    expect(await check()).toEqual(refusal('in-use', '/dev/sdb2 is mounted at /'));
  });

  it('allows a sibling partition mounted under the mount base, and refuses the device itself mounted elsewhere', async () => {
    host
      .addDisk(withSibling({ tags: { TYPE: 'ext4', UUID: 'other' } }))
      .addMount('/dev/sdb2', join(box.base, 'other'));
    expect(await check()).toMatchObject({ path: '/dev/sdb1' });
    host.addMount('/dev/sdb1', '/var/lib/vz');
    expect(await check()).toEqual(refusal('in-use', '/dev/sdb1 is mounted at /var/lib/vz'));
  });

  it('names the PVE storage that uses a mount', async () => {
    host.addDisk(usbStick(uuid)).addMount('/dev/sdb1', '/mnt/pve/usb-backup');
    await writeFile(
      host.paths.pveStorage,
      'dir: local\n\tpath /var/lib/vz\n\tcontent iso\n\ndir: usb-backup\n\tpath /mnt/pve/usb-backup\n\tcontent backup\n\tis_mountpoint 1\n',
    );
    expect(await check()).toEqual(
      refusal(
        'in-use',
        "mounted at /mnt/pve/usb-backup, PVE storage 'usb-backup' (dir, /mnt/pve/usb-backup)",
      ),
    );
  });

  it.each([
    [
      'an LVM physical volume',
      { TYPE: 'LVM2_member', USAGE: 'raid', UUID: 'pv' },
      /sdb2 is an LVM physical volume/,
    ],
    ['a ZFS pool member', { TYPE: 'zfs_member', USAGE: 'raid', UUID: '123' }, /sdb2 is a ZFS pool member/],
    [
      'an md RAID member',
      { TYPE: 'linux_raid_member', USAGE: 'raid', UUID: 'md' },
      /sdb2 is an md RAID member/,
    ],
    [
      'another storage member',
      { TYPE: 'ceph_bluestore', USAGE: 'raid' },
      /a storage member \(ceph_bluestore\)/,
    ],
  ])('refuses a disk with %s on it', async (_, tags, message) => {
    host.addDisk(withSibling({ tags }));
    expect(await check()).toEqual(refusal('in-use', message));
  });

  it('refuses a disk whose partition is held by device-mapper or md, or is active swap', async () => {
    host.addDisk(withSibling({ holders: ['dm-0'] }));
    expect(await check()).toEqual(refusal('in-use', '/dev/sdb2 is used by dm-0'));
    const swap = new FakeHost(join(box.root, 'swap'));
    swap.addDisk(withSibling({ tags: { TYPE: 'swap' } }));
    await writeFile(
      swap.paths.swaps,
      'Filename\tType\tSize\tUsed\tPriority\n/dev/sdb2  partition\t1024\t0\t-2\n',
    );
    const mounts = parseMountInfo(swap.mountTable());
    const error = await mountableDevice(
      { uuid, fsType: 'ext4', mountPoint: join(box.base, 'x'), options: 'nofail,nosuid,nodev,noexec' },
      { runner: swap.runner, paths: swap.paths, mountBase: box.base, mounts },
    ).catch((e: unknown) => e);
    expect(error).toEqual(refusal('in-use', '/dev/sdb2 is active swap'));
  });

  it('refuses a file system a systemd mount unit mounts (PVE Disks → Directory), naming the storage', async () => {
    host.addDisk(usbStick(uuid));
    await mkdir(host.paths.systemdUnits);
    await writeFile(
      join(host.paths.systemdUnits, 'mnt-pve-usb1.mount'),
      `[Unit]\nDescription=Mount storage 'usb1' under /mnt/pve\n\n[Mount]\nWhat=/dev/disk/by-uuid/${uuid}\nWhere=/mnt/pve/usb1\nType=ext4\nOptions=defaults\n`,
    );
    await writeFile(host.paths.pveStorage, 'dir: usb1\n\tpath /mnt/pve/usb1\n\tcontent backup\n');
    expect(await check()).toEqual(
      refusal('in-use', /mnt-pve-usb1\.mount mounts it at \/mnt\/pve\/usb1, PVE storage 'usb1'/),
    );
  });

  it('refuses contradicting signatures on the device itself', async () => {
    host.addDisk({ ...usbStick(uuid), partitions: [{ name: 'sdb1', tags: { ...ext4, AMBIVALENT: '1' } }] });
    expect(await check()).toEqual(refusal('wrong-type', 'contradicting signatures'));
  });
});

describe('parsers', () => {
  it('reads mountinfo with octal escapes and optional fields', () => {
    const [entry] = parseMountInfo(
      '36 35 98:0 / /mnt/with\\040space rw,nosuid shared:1 master:2 - ext4 /dev/sd\\040b1 rw,errors=continue\n',
    );
    expect(entry).toEqual({
      majorMinor: '98:0',
      mountPoint: '/mnt/with space',
      options: ['rw', 'nosuid'],
      fsType: 'ext4',
      source: '/dev/sd b1',
    });
  });

  it('reads the storages with a path from storage.cfg', () => {
    const text =
      'dir: local\n\tpath /var/lib/vz\n\tcontent iso,vztmpl,backup\n\nlvmthin: local-lvm\n\tthinpool data\n\tvgname pve\n\nnfs: nas\n\texport /backup\n\tpath /mnt/pve/nas\n\tserver 10.0.0.2\n';
    expect(parseStorageConfig(text)).toEqual([
      { type: 'dir', id: 'local', path: '/var/lib/vz' },
      { type: 'nfs', id: 'nas', path: '/mnt/pve/nas' },
    ]);
  });
});
