import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CommandFailedError,
  FstabError,
  MountDeviceError,
  MountPointError,
  type USBMountSpec,
} from '@felhom/privileged';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicWriteFs, realFs } from '../../src/mount/atomic-write.js';
import { type LocalMountContext, mountLocally } from '../../src/mount/local-mount.js';
import { unmountLocally } from '../../src/mount/local-unmount.js';
import { validateUSBMount } from '../../src/mount/validate-mount.js';
import { FakeHost, usbStick } from '../support/fake-host.js';
import { type MountSandbox, mountSandbox, pveFstab } from '../support/mount-sandbox.js';

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

function context(overrides: Partial<LocalMountContext> = {}): LocalMountContext {
  return {
    runner: host.runner,
    mountBase: box.base,
    fstabPath: box.fstab,
    mountBinary: '/usr/bin/mount',
    umountBinary: '/usr/bin/umount',
    paths: host.paths,
    ...overrides,
  };
}
const mount = (spec: Partial<USBMountSpec>, overrides: Partial<LocalMountContext> = {}) =>
  mountLocally(
    validateUSBMount(
      { uuid, fsType: 'ext4', mountPoint: join(box.base, 'backup1'), ...spec } as USBMountSpec,
      box.base,
    ),
    context(overrides),
  );
const mountCommands = () => host.runner.commandLines.filter((line) => !line.startsWith('/usr/sbin/blkid'));
const entry = (mountPoint: string, options = 'nofail,nosuid,nodev,noexec') =>
  `UUID=${uuid} ${mountPoint} ext4 ${options} 0 0`;

describe('mountLocally: the root side of mountUSBByUUID (fake host: sysfs, mount table, blkid)', () => {
  it('resolves the UUID to its device, mounts that device with nosuid,nodev,noexec (no nofail), confirms it and adds the fstab entry', async () => {
    host.addDisk(usbStick(uuid));
    const mountPoint = join(box.base, 'backup1');
    const result = await mount({});
    expect(result).toEqual({
      mountPoint,
      options: 'nofail,nosuid,nodev,noexec',
      device: '/dev/sdb1',
      createdMountPoint: true,
      mounted: true,
      fstab: 'added',
    });
    expect(mountCommands()).toEqual([
      `/usr/bin/mount -t ext4 -o nosuid,nodev,noexec /dev/sdb1 ${mountPoint}`,
    ]);
    expect(host.mountPoints()).toContain(mountPoint);
    expect(await readFile(box.fstab, 'utf8')).toBe(`${pveFstab}${entry(mountPoint)}\n`);
    expect(await readFile(`${box.fstab}.felhom-backup`, 'utf8')).toBe(pveFstab);
  });

  it('forces nosuid,nodev,noexec whatever options the caller asks for', async () => {
    host.addDisk(usbStick(uuid));
    const result = await mount({ options: ['ro', 'noatime'] });
    expect(result.options).toBe('nofail,nosuid,nodev,noexec,ro,noatime');
    expect(mountCommands()[0]).toContain(' -o nosuid,nodev,noexec,ro,noatime /dev/sdb1 ');
    // Options left out still come back forced; the existing mount stays, its entry is updated.
    expect(await mount({ options: [] })).toMatchObject({
      options: 'nofail,nosuid,nodev,noexec',
      fstab: 'updated',
      mounted: false,
    });
  });

  it('a second call changes nothing: same bytes, no mount, mounted: false', async () => {
    host.addDisk(usbStick(uuid));
    await mount({ options: ['noatime'] });
    const after = await readFile(box.fstab);
    const second = await mount({ options: ['noatime'] });
    expect(second).toMatchObject({ fstab: 'unchanged', createdMountPoint: false, mounted: false });
    expect(await readFile(box.fstab)).toEqual(after);
    expect(mountCommands()).toHaveLength(1);
  });

  it('normalises UUID case: lower case for ext4, upper case FAT serials', async () => {
    host.addDisk(usbStick(uuid)).addDisk({
      name: 'sdc',
      bus: 'usb',
      major: 9,
      partitions: [{ name: 'sdc1', tags: { UUID: '1A2B-3C4D', TYPE: 'vfat', USAGE: 'filesystem' } }],
    });
    await mount({ uuid: uuid.toUpperCase() });
    await mount({ uuid: '1a2b-3c4d', fsType: 'vfat', mountPoint: join(box.base, 'b'), options: ['ro'] });
    expect(host.runner.commandLines.filter((line) => line.includes(' -t UUID='))).toEqual([
      `/usr/sbin/blkid -c /dev/null -t UUID=${uuid} -o device`,
      '/usr/sbin/blkid -c /dev/null -t UUID=1A2B-3C4D -o device',
    ]);
    expect(mountCommands()[1]).toContain(' -o nosuid,nodev,noexec,ro /dev/sdc1 ');
  });

  it('a missing disk is a MountDeviceError (absent) before anything is created, mounted or written', async () => {
    const error = await mount({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MountDeviceError);
    expect(error).toMatchObject({ problem: 'absent', uuid, device: undefined });
    expect(mountCommands()).toEqual([]);
    expect(existsSync(join(box.base, 'backup1'))).toBe(false);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  it('refuses a UUID two devices carry, and a device holding another file system type', async () => {
    host.addDisk(usbStick(uuid)).addDisk(usbStick(uuid, 'sdc', 9));
    await expect(mount({})).rejects.toMatchObject({ problem: 'ambiguous' });
    const other = new FakeHost(join(box.root, 'other'));
    other.addDisk({
      name: 'sdd',
      bus: 'usb',
      major: 10,
      partitions: [{ name: 'sdd1', tags: { UUID: uuid, TYPE: 'xfs' } }],
    });
    await expect(mount({}, { runner: other.runner, paths: other.paths })).rejects.toMatchObject({
      name: 'MountDeviceError',
      problem: 'wrong-type',
      message: expect.stringContaining('it holds xfs, not ext4'),
    });
    expect(mountCommands()).toEqual([]);
  });

  it('mount exiting 0 with nothing mounted is a MountDeviceError (not-mounted), never mounted: true', async () => {
    host.addDisk(usbStick(uuid));
    host.mountBehaviour = 'nothing';
    const error = await mount({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MountDeviceError', problem: 'not-mounted', device: '/dev/sdb1' });
    expect(existsSync(join(box.base, 'backup1'))).toBe(false);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  it('a mount that shows another device at the mount point is undone and reported', async () => {
    host.addDisk(usbStick(uuid));
    host.mountBehaviour = 'other-device';
    const error = await mount({}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      problem: 'not-mounted',
      message: expect.stringContaining('the mount was undone'),
    });
    expect(mountCommands().at(-1)).toBe(`/usr/bin/umount ${join(box.base, 'backup1')}`);
    expect(host.mountPoints()).not.toContain(join(box.base, 'backup1'));
  });

  it('a failed fstab write undoes the mount and removes the directory it made; a retry succeeds', async () => {
    host.addDisk(usbStick(uuid));
    const failingRename: AtomicWriteFs = {
      ...realFs,
      rename: async () => {
        throw Object.assign(new Error('simulated I/O error'), { code: 'EIO' });
      },
    };
    const mountPoint = join(box.base, 'backup1');
    const error = await mount({}, { fs: failingRename }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FstabError);
    expect(error).toMatchObject({
      problem: 'write',
      message: expect.stringContaining('the mount was undone'),
    });
    expect(host.mountPoints()).not.toContain(mountPoint);
    expect(existsSync(mountPoint)).toBe(false);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
    expect(await mount({})).toMatchObject({ mounted: true, fstab: 'added' });
  });

  it('another file system at the mount point is not ours, even with our UUID in fstab', async () => {
    host.addDisk(usbStick(uuid));
    const mountPoint = join(box.base, 'backup1');
    await mkdir(mountPoint);
    await writeFile(box.fstab, `${pveFstab}${entry(mountPoint)}\n`);
    host.addMount('tmpfs', mountPoint, 'tmpfs', 'rw,nosuid,nodev,noexec');
    const error = await mount({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MountPointError);
    expect((error as MountPointError).problem).toMatch(/another file system \(tmpfs, tmpfs\)/);
    expect(mountCommands()).toEqual([]);
  });

  it('our device already mounted there without nosuid,nodev,noexec is refused, not adopted', async () => {
    host.addDisk(usbStick(uuid));
    const mountPoint = join(box.base, 'backup1');
    await mkdir(mountPoint);
    host.addMount('/dev/sdb1', mountPoint, 'ext4', 'rw,relatime');
    await expect(mount({})).rejects.toMatchObject({
      name: 'MountPointError',
      problem: expect.stringMatching(/without nosuid/),
    });
  });

  it('adopts our device mounted there with an fstab entry missing (a write that failed earlier) and adds the entry', async () => {
    host.addDisk(usbStick(uuid));
    const mountPoint = join(box.base, 'backup1');
    await mkdir(mountPoint);
    host.addMount('/dev/sdb1', mountPoint, 'ext4', 'rw,nosuid,nodev,noexec,relatime');
    expect(await mount({})).toMatchObject({ mounted: false, fstab: 'added', createdMountPoint: false });
    expect(mountCommands()).toEqual([]);
  });

  it('refuses a conflicting fstab entry (trailing slash and quoted UUID included) before creating or mounting anything', async () => {
    host.addDisk(usbStick(uuid));
    for (const conflicting of [
      `/dev/sdz1 ${box.base}/backup1/ ext4 defaults 0 0`,
      `UUID="${uuid}" /mnt/elsewhere ext4 defaults 0 0`,
    ]) {
      await writeFile(box.fstab, `${pveFstab}${conflicting}\n`);
      await expect(mount({})).rejects.toMatchObject({ name: 'FstabError', problem: 'conflict' });
    }
    expect(mountCommands()).toEqual([]);
    expect(existsSync(join(box.base, 'backup1'))).toBe(false);
  });

  it('refuses a symlinked mount point, a file, and a non-empty directory, mounting nothing', async () => {
    host.addDisk(usbStick(uuid));
    await symlink('/etc', join(box.base, 'link'));
    await writeFile(join(box.base, 'file'), 'x');
    await mkdir(join(box.base, 'full'));
    await writeFile(join(box.base, 'full', 'data'), 'x');
    for (const [name, problem] of [
      ['link', /symlink/],
      ['file', /not a directory/],
      ['full', /non-empty directory that is not ours/],
    ] as const) {
      const error = await mount({ mountPoint: join(box.base, name) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MountPointError);
      expect((error as MountPointError).problem).toMatch(problem);
    }
    expect(mountCommands()).toEqual([]);
  });

  it('refuses a mount base others can write to, one through a symlink, and one under a directory others can write', async () => {
    host.addDisk(usbStick(uuid));
    await chmod(box.base, 0o777);
    await expect(mount({})).rejects.toThrow(/writable by group or others/);
    await chmod(box.base, 0o755);
    await symlink(box.base, join(box.root, 'via-link'));
    const viaLink = join(box.root, 'via-link');
    await expect(
      mountLocally(
        validateUSBMount({ uuid, fsType: 'ext4', mountPoint: join(viaLink, 'x') }, viaLink),
        context({ mountBase: viaLink }),
      ),
    ).rejects.toThrow(/symlink/);
    const parent = join(box.root, 'open');
    const nested = join(parent, 'usb');
    await mkdir(nested, { recursive: true, mode: 0o755 });
    await chmod(parent, 0o777);
    const error = await mountLocally(
      validateUSBMount({ uuid, fsType: 'ext4', mountPoint: join(nested, 'x') }, nested),
      context({ mountBase: nested }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MountPointError);
    expect((error as Error).message).toContain(`${parent}: writable by everyone (mode 0777)`);
    expect(host.runner.calls).toEqual([]);
  });

  it('a failed mount leaves no directory and no fstab change', async () => {
    host.addDisk(usbStick(uuid));
    host.mountBehaviour = 'fail';
    const error = await mount({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).exitCode).toBe(32);
    expect(existsSync(join(box.base, 'backup1'))).toBe(false);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });
});

describe('unmountLocally', () => {
  it('unmounts our device, removes the entry and the directory; a second call changes nothing', async () => {
    host.addDisk(usbStick(uuid));
    const mountPoint = join(box.base, 'backup1');
    await mount({});
    expect(await unmountLocally(mountPoint, context())).toEqual({
      mountPoint,
      unmounted: true,
      fstab: 'removed',
      removedMountPoint: true,
    });
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
    expect(host.mountPoints()).not.toContain(mountPoint);
    expect((await unmountLocally(mountPoint, context())).fstab).toBe('unchanged');
  });

  it("leaves alone a file system felhom did not mount (no entry, or not the entry's device)", async () => {
    host.addDisk(usbStick(uuid));
    const mountPoint = join(box.base, 'backup1');
    await mkdir(mountPoint);
    host.addMount('tmpfs', mountPoint, 'tmpfs');
    await expect(unmountLocally(mountPoint, context())).rejects.toThrow(/without a felhom fstab entry/);
    await writeFile(box.fstab, `${pveFstab}${entry(mountPoint)}\n`);
    await expect(unmountLocally(mountPoint, context())).rejects.toThrow(
      `not UUID=${uuid} from its fstab entry`,
    );
    expect(host.mountPoints()).toContain(mountPoint);
    expect(await readFile(box.fstab, 'utf8')).toBe(`${pveFstab}${entry(mountPoint)}\n`);
  });

  it('unmounts a pulled-out disk (its device is gone) that is still in the mount table', async () => {
    const mountPoint = join(box.base, 'backup1');
    await mkdir(mountPoint);
    await writeFile(box.fstab, `${pveFstab}${entry(mountPoint)}\n`);
    host.addMount('/dev/sdb1', mountPoint, 'ext4', 'rw,nosuid,nodev,noexec');
    expect(await unmountLocally(mountPoint, context())).toMatchObject({ unmounted: true, fstab: 'removed' });
  });
});

describe('the fstab lock', () => {
  it('20 concurrent mounts of 20 disks keep all 20 entries (each reads, changes and writes the fstab in turn)', async () => {
    const uuids = Array.from(
      { length: 20 },
      (_, index) => `3f1c2a5e-8d4b-4c6a-9e2f-${String(index).padStart(12, '0')}`,
    );
    for (const [index, id] of uuids.entries())
      host.addDisk(usbStick(id, `sd${String.fromCharCode(98 + index)}`, 8 + index));
    const results = await Promise.all(
      uuids.map((id, index) => mount({ uuid: id, mountPoint: join(box.base, `disk${index}`) })),
    );
    expect(results.every((result) => result.fstab === 'added')).toBe(true);
    const fstab = await readFile(box.fstab, 'utf8');
    expect(uuids.filter((id) => fstab.includes(`UUID=${id} `))).toHaveLength(20);
    await Promise.all(uuids.map((_, index) => unmountLocally(join(box.base, `disk${index}`), context())));
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });
});
