import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CommandFailedError,
  InvalidInputError,
  MountDeviceError,
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

describe('mountUSBByUUID input checks (nothing runs on bad input)', () => {
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
    ['both noatime and relatime', { options: ['relatime', 'noatime'] }, 'spec.options'],
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

  it('unmountUSB rejects bad mount points with zero commands', async () => {
    const { runner, privileged } = direct();
    for (const bad of ['/etc', `${box.base}/../etc`, `${box.base}/a b`, `${box.base}/x;id`]) {
      await expect(privileged.unmountUSB(bad)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(runner.calls).toHaveLength(0);
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
      options: 'nofail,nosuid,nodev,noexec',
      device: '/dev/sdb1',
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
      args: [
        helper,
        'mount',
        '/srv/felhom/usb',
        uuid,
        '/srv/felhom/usb/b1',
        'btrfs',
        'nofail,nosuid,nodev,noexec',
      ],
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

  it('rebuilds the typed error the helper reports (as root, in its own process) with its fields and message', async () => {
    const message = `not mounting UUID=${uuid}: no block device has this UUID (is the disk plugged in?)`;
    const runner = new RecordingRunner().respond(
      { file: '/usr/bin/node' },
      {
        exitCode: 1,
        stdout: `${JSON.stringify({ error: { name: 'MountDeviceError', message, uuid, device: null, problem: 'absent' } })}\n`,
        stderr: `felhom-fstab-helper: ${message}\n`,
      },
    );
    const privileged = new Privileged(runner, { ...options, mountStep: 'helper' });
    const error = await privileged
      .mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint: '/srv/felhom/usb/b1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MountDeviceError);
    expect(error).toMatchObject({
      problem: 'absent',
      uuid,
      device: undefined,
      message,
      reason: 'mount-device',
    });
  });

  it('a helper failure without a typed error (umount failed inside it, killed) is a CommandFailedError', async () => {
    const runner = new RecordingRunner().respond(
      { file: '/usr/bin/node' },
      { exitCode: 1, stderr: 'felhom-fstab-helper: command failed: /usr/bin/umount … target is busy\n' },
    );
    const privileged = new Privileged(runner, { ...options, mountStep: 'helper' });
    const error = await privileged.unmountUSB('/srv/felhom/usb/b1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).stderrTail).toContain('target is busy');
  });
});
