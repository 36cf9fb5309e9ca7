import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CommandFailedError,
  FstabError,
  InvalidInputError,
  MountPointError,
  OutputParseError,
  Privileged,
  type USBMountSpec,
} from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostileStrings } from '../support/bad-inputs.js';
import { type MountSandbox, mountSandbox, pveFstab } from '../support/mount-sandbox.js';

let box: MountSandbox;
beforeEach(async () => {
  box = await mountSandbox();
});
afterEach(async () => {
  await box.cleanup();
});

const uuid = '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';

function direct() {
  const runner = new RecordingRunner()
    .respond({ file: '/usr/bin/mount' }, {})
    .respond({ file: '/usr/bin/umount' }, {});
  const privileged = new Privileged(runner, {
    mountBase: box.base,
    fstabPath: box.fstab,
    mountStep: 'direct',
  });
  return { runner, privileged };
}

describe('mountUSBByUUID in direct mode (recording runner, real temp fstab and directories)', () => {
  it('creates the mount point, mounts by UUID with nofail, and appends the fstab entry', async () => {
    const { runner, privileged } = direct();
    const mountPoint = join(box.base, 'backup1');
    const result = await privileged.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint });
    expect(result).toEqual({
      mountPoint,
      options: 'nofail,nosuid,nodev,noexec',
      createdMountPoint: true,
      mounted: true,
      fstab: 'added',
    });
    expect(runner.calls.map((call) => call.command)).toEqual([
      {
        file: '/usr/bin/mount',
        args: ['-t', 'ext4', '-o', 'nofail,nosuid,nodev,noexec', `UUID=${uuid}`, mountPoint],
      },
    ]);
    expect(await readFile(box.fstab, 'utf8')).toBe(
      `${pveFstab}UUID=${uuid} ${mountPoint} ext4 nofail,nosuid,nodev,noexec 0 0\n`,
    );
    expect(await readFile(`${box.fstab}.felhom-backup`, 'utf8')).toBe(pveFstab);
  });

  it('a second call leaves the fstab unchanged (same bytes, no rewrite)', async () => {
    const { privileged } = direct();
    const spec: USBMountSpec = {
      uuid,
      fsType: 'ext4',
      mountPoint: join(box.base, 'backup1'),
      options: ['noatime'],
    };
    await privileged.mountUSBByUUID(spec);
    const after = await readFile(box.fstab);
    const second = await privileged.mountUSBByUUID(spec);
    expect(second.fstab).toBe('unchanged');
    expect(second.createdMountPoint).toBe(false);
    expect(second.options).toBe('nofail,noatime');
    expect(await readFile(box.fstab)).toEqual(after);
  });

  it('normalises UUID case: lowercase for ext4, uppercase FAT serials', async () => {
    const { runner, privileged } = direct();
    await privileged.mountUSBByUUID({
      uuid: uuid.toUpperCase(),
      fsType: 'xfs',
      mountPoint: join(box.base, 'a'),
    });
    await privileged.mountUSBByUUID({
      uuid: '1a2b-3c4d',
      fsType: 'vfat',
      mountPoint: join(box.base, 'b'),
      options: ['ro'],
    });
    expect(runner.calls.map((call) => call.command.args[4])).toEqual([`UUID=${uuid}`, 'UUID=1A2B-3C4D']);
    expect(runner.calls[1]?.command.args[3]).toBe('nofail,ro');
  });

  it('a failed mount (no such UUID) leaves no directory and no fstab change', async () => {
    const runner = new RecordingRunner().respond(
      { file: '/usr/bin/mount' },
      { exitCode: 32, stderr: `mount: ${box.base}/backup1: can't find UUID=${uuid}.\n` },
    );
    const privileged = new Privileged(runner, {
      mountBase: box.base,
      fstabPath: box.fstab,
      mountStep: 'direct',
    });
    const mountPoint = join(box.base, 'backup1');
    const error = await privileged
      .mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).exitCode).toBe(32);
    expect(existsSync(mountPoint)).toBe(false);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  it('refuses a conflicting fstab entry before creating or mounting anything', async () => {
    await writeFile(box.fstab, `${pveFstab}/dev/sdz1 ${box.base}/backup1 ext4 defaults 0 0\n`);
    const { runner, privileged } = direct();
    const error = await privileged
      .mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint: join(box.base, 'backup1') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FstabError);
    expect((error as FstabError).problem).toBe('conflict');
    expect(runner.calls).toHaveLength(0);
  });

  it('refuses a symlinked mount point, a file, and a non-empty directory that is not ours, running nothing', async () => {
    const { runner, privileged } = direct();
    await symlink('/etc', join(box.base, 'link'));
    await writeFile(join(box.base, 'file'), 'x');
    await mkdir(join(box.base, 'full'));
    await writeFile(join(box.base, 'full', 'data'), 'x');
    for (const [name, problem] of [
      ['link', /symlink/],
      ['file', /not a directory/],
      ['full', /non-empty directory that is not ours/],
    ] as const) {
      const error = await privileged
        .mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint: join(box.base, name) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MountPointError);
      expect((error as MountPointError).problem).toMatch(problem);
    }
    expect(runner.calls).toHaveLength(0);
  });

  it('refuses a mount base that others can write to or that is a symlink', async () => {
    const { runner } = direct();
    await chmod(box.base, 0o777);
    const open = new Privileged(runner, { mountBase: box.base, fstabPath: box.fstab, mountStep: 'direct' });
    await expect(
      open.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint: join(box.base, 'x') }),
    ).rejects.toThrow(/writable by group or others/);
    await symlink(box.base, join(box.root, 'via-link'));
    const linked = new Privileged(runner, {
      mountBase: join(box.root, 'via-link'),
      fstabPath: box.fstab,
      mountStep: 'direct',
    });
    await expect(
      linked.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint: join(box.root, 'via-link', 'x') }),
    ).rejects.toThrow(MountPointError);
    expect(runner.calls).toHaveLength(0);
  });

  const badSpecs: [string, Record<string, unknown>, string][] = [
    ['a mount point outside the base', { mountPoint: '/etc' }, 'spec.mountPoint'],
    ['the base itself', { mountPoint: '<base>' }, 'spec.mountPoint'],
    ['a nested mount point', { mountPoint: '<base>/a/b' }, 'spec.mountPoint'],
    ['a dot-dot escape', { mountPoint: '<base>/../etc' }, 'spec.mountPoint'],
    ['a dot-dot name', { mountPoint: '<base>/..' }, 'spec.mountPoint'],
    ['a sibling with the base as prefix', { mountPoint: '<base>2/x' }, 'spec.mountPoint'],
    ['a 65-character name', { mountPoint: `<base>/${'a'.repeat(65)}` }, 'spec.mountPoint'],
    ['an ext4 UUID in FAT form', { uuid: '1A2B-3C4D' }, 'spec.uuid'],
    ['a FAT serial in RFC 4122 form', { fsType: 'vfat', uuid }, 'spec.uuid'],
    ['a UUID with a missing group', { uuid: '3f1c2a5e-8d4b-4c6a-1a2b3c4d5e6f' }, 'spec.uuid'],
    ['a UUID with non-hex digits', { uuid: '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6g' }, 'spec.uuid'],
    ['a UUID with braces', { uuid: `{${uuid}}` }, 'spec.uuid'],
    ['a LABEL instead of a UUID', { uuid: 'LABEL=backup' }, 'spec.uuid'],
    ['a file system outside the allowlist', { fsType: 'ntfs' }, 'spec.fsType'],
    ['a bind "file system"', { fsType: 'none' }, 'spec.fsType'],
    ['an option outside the allowlist', { options: ['exec'] }, 'spec.options[0]'],
    ['an injected option', { options: ['nosuid,suid'] }, 'spec.options[0]'],
    ['both ro and rw', { options: ['ro', 'rw'] }, 'spec.options'],
    ['options as a string', { options: 'nosuid' }, 'spec.options'],
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a UUID with ${what}`,
      { uuid: value },
      'spec.uuid',
    ]),
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a mount point name with ${what}`,
      { mountPoint: `<base>/${value}` },
      'spec.mountPoint',
    ]),
  ];

  it.each(badSpecs)('rejects %s with InvalidInputError and runs nothing', async (_, override, parameter) => {
    const { runner, privileged } = direct();
    const spec = { uuid, fsType: 'ext4', mountPoint: join(box.base, 'ok'), ...override } as Record<
      string,
      unknown
    >;
    if (typeof spec.mountPoint === 'string') spec.mountPoint = spec.mountPoint.replace('<base>', box.base);
    const error = await privileged.mountUSBByUUID(spec as unknown as USBMountSpec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).parameter).toBe(parameter);
    expect(runner.calls).toHaveLength(0);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  it('unmountUSB rejects bad mount points with zero commands, and removes only its own entry', async () => {
    const { runner, privileged } = direct();
    for (const bad of ['/etc', `${box.base}/../etc`, `${box.base}/a b`, `${box.base}/x;id`]) {
      await expect(privileged.unmountUSB(bad)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(runner.calls).toHaveLength(0);
    const mountPoint = join(box.base, 'backup1');
    await privileged.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint });
    // Not really mounted (recording runner): unmount skips umount, removes the entry and the empty directory.
    const result = await privileged.unmountUSB(mountPoint);
    expect(result).toEqual({ mountPoint, unmounted: false, fstab: 'removed', removedMountPoint: true });
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
    expect((await privileged.unmountUSB(mountPoint)).fstab).toBe('unchanged');
  });

  it('rejects a bad mountBase at construction', () => {
    const runner = new RecordingRunner();
    for (const mountBase of ['relative/usb', '/srv/../etc', '/srv/usb/', '/srv/u sb', '']) {
      expect(() => new Privileged(runner, { mountBase })).toThrow(InvalidInputError);
    }
  });
});

describe('mountUSBByUUID in helper mode (sudo): one fixed command', () => {
  const helper = '/usr/local/lib/felhom/fstab-helper.js';
  const options = {
    mountBase: '/srv/felhom/usb',
    binaries: { node: '/usr/bin/node', fstabHelper: helper },
  } as const;

  it('runs node HELPER mount BASE UUID MOUNTPOINT FSTYPE OPTIONS and returns what the helper printed', async () => {
    const printed = {
      mountPoint: '/srv/felhom/usb/b1',
      options: 'nofail',
      createdMountPoint: true,
      mounted: true,
      fstab: 'added',
    };
    const runner = new RecordingRunner({ mode: 'sudo' }).respond(
      { file: '/usr/bin/node' },
      { stdout: `${JSON.stringify(printed)}\n` },
    );
    const privileged = new Privileged(runner, { ...options, mountStep: 'helper' });
    const result = await privileged.mountUSBByUUID({
      uuid,
      fsType: 'btrfs',
      mountPoint: '/srv/felhom/usb/b1',
      options: [],
    });
    expect(result).toEqual(printed);
    expect(runner.calls[0]?.command).toEqual({
      file: '/usr/bin/node',
      args: [helper, 'mount', '/srv/felhom/usb', uuid, '/srv/felhom/usb/b1', 'btrfs', 'nofail'],
    });
  });

  it('chooses the helper by itself for a sudo-mode runner and unmounts through it', async () => {
    const printed = {
      mountPoint: '/srv/felhom/usb/b1',
      unmounted: true,
      fstab: 'removed',
      removedMountPoint: true,
    };
    const runner = Object.assign(
      new RecordingRunner().respond({ file: '/usr/bin/node' }, { stdout: JSON.stringify(printed) }),
      {
        mode: 'sudo' as const,
      },
    );
    const result = await new Privileged(runner, options).unmountUSB('/srv/felhom/usb/b1');
    expect(result).toEqual(printed);
    expect(runner.calls[0]?.command.args).toEqual([
      helper,
      'unmount',
      '/srv/felhom/usb',
      '/srv/felhom/usb/b1',
    ]);
  });

  it('turns unexpected helper output into an OutputParseError', async () => {
    const runner = new RecordingRunner().respond({ file: '/usr/bin/node' }, { stdout: 'mounted!' });
    const privileged = new Privileged(runner, { ...options, mountStep: 'helper' });
    await expect(privileged.unmountUSB('/srv/felhom/usb/b1')).rejects.toBeInstanceOf(OutputParseError);
  });
});
