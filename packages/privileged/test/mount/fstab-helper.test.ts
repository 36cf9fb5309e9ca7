import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFstabHelper } from '../../src/mount/fstab-helper-cli.js';
import { FakeHost, usbStick } from '../support/fake-host.js';
import { type MountSandbox, mountSandbox, pveFstab } from '../support/mount-sandbox.js';
import { repoRoot } from '../support/paths.js';

let box: MountSandbox;
let host: FakeHost;
beforeEach(async () => {
  box = await mountSandbox();
  host = new FakeHost(join(box.root, 'host')).addDisk(usbStick('3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f'));
});
afterEach(async () => {
  await box.cleanup();
});

const uuid = '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';

const forced = 'nofail,nosuid,nodev,noexec';

async function helper(argv: string[]) {
  const runner = host.runner;
  runner.calls.length = 0;
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFstabHelper(argv, {
    runner,
    fstabPath: box.fstab,
    paths: host.paths,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out, err, runner };
}

describe('the fstab helper (root side of the mount step in sudo mode)', () => {
  it('mounts the resolved device with /usr/bin/mount, writes the fstab line itself and prints the result as JSON', async () => {
    const mountPoint = join(box.base, 'backup1');
    const { code, out, runner } = await helper([
      'mount',
      box.base,
      uuid,
      mountPoint,
      'ext4',
      `${forced},noatime`,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toEqual({
      mountPoint,
      options: `${forced},noatime`,
      device: '/dev/sdb1',
      createdMountPoint: true,
      mounted: true,
      fstab: 'added',
    });
    expect(runner.commandLines.filter((line) => line.startsWith('/usr/bin/mount'))).toEqual([
      `/usr/bin/mount -t ext4 -o nosuid,nodev,noexec,noatime /dev/sdb1 ${mountPoint}`,
    ]);
    expect(await readFile(box.fstab, 'utf8')).toBe(
      `${pveFstab}UUID=${uuid} ${mountPoint} ext4 ${forced},noatime 0 0\n`,
    );
    const again = await helper(['unmount', box.base, mountPoint]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out[0] ?? '').fstab).toBe('removed');
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  it('reports a refusal as one JSON error line on stdout (exit 1) and in words on stderr', async () => {
    const other = '3f1c2a5e-8d4b-4c6a-9e2f-000000000000';
    const { code, out, err } = await helper(['mount', box.base, other, join(box.base, 'b'), 'ext4', forced]);
    expect(code).toBe(1);
    expect(JSON.parse(out[0] ?? '')).toEqual({
      error: {
        name: 'MountDeviceError',
        message: `not mounting UUID=${other}: no block device has this UUID (is the disk plugged in?)`,
        uuid: other,
        device: null,
        problem: 'absent',
      },
    });
    expect(err[0]).toContain('felhom-fstab-helper: not mounting');
  });

  const bad: [string, (base: string) => string[]][] = [
    ['no arguments', () => []],
    ['an unknown action', (base) => ['write', base, uuid, `${base}/a`, 'ext4', forced]],
    ['an extra argument', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', forced, 'extra']],
    ['a device rule path', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', forced, '/tmp/allow-all']],
    ['a missing argument', (base) => ['mount', base, uuid, `${base}/a`, 'ext4']],
    ['a relative base', () => ['mount', 'srv/usb', uuid, 'srv/usb/a', 'ext4', forced]],
    ['a mount point outside the base', (base) => ['mount', base, uuid, '/etc', 'ext4', forced]],
    ['a dot-dot mount point', (base) => ['mount', base, uuid, `${base}/../etc`, 'ext4', forced]],
    [
      'an uppercase ext4 UUID (not canonical)',
      (base) => ['mount', base, uuid.toUpperCase(), `${base}/a`, 'ext4', forced],
    ],
    ['a FAT serial for ext4', (base) => ['mount', base, '1A2B-3C4D', `${base}/a`, 'ext4', forced]],
    ['a lower-case FAT serial', (base) => ['mount', base, '1a2b-3c4d', `${base}/a`, 'vfat', forced]],
    ['options without nofail', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nosuid,nodev,noexec']],
    [
      'options without the forced nosuid,nodev,noexec',
      (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail'],
    ],
    ['options without noexec', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail,nosuid,nodev']],
    [
      'options out of canonical order',
      (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail,nosuid,nodev,noexec,noatime,ro'],
    ],
    ['both ro and rw', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', `${forced},ro,rw`]],
    [
      'an option outside the allowlist',
      (base) => ['mount', base, uuid, `${base}/a`, 'ext4', `${forced},exec`],
    ],
    ['suid after the forced options', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', `${forced},suid`]],
    [
      'fstab text smuggled into options',
      (base) => ['mount', base, uuid, `${base}/a`, 'ext4', `${forced} 0 0\n/dev/sda1 / ext4`],
    ],
    ['a file system outside the allowlist', (base) => ['mount', base, uuid, `${base}/a`, 'ntfs', forced]],
    ['unmount outside the base', (base) => ['unmount', base, '/']],
  ];

  it.each(bad)('refuses %s with exit 2, runs nothing and leaves the fstab alone', async (_, argv) => {
    const { code, err, runner } = await helper(argv(box.base));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/usage|invalid/);
    expect(runner.calls).toHaveLength(0);
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  it('as a real process, exits 2 with usage on bad arguments', async () => {
    const entry = fileURLToPath(new URL('../../src/fstab-helper.ts', import.meta.url));
    const error = await promisify(execFile)(process.execPath, ['--import', 'tsx', entry, 'bogus'], {
      cwd: repoRoot,
    }).catch((e: unknown) => e as { code: number; stderr: string });
    expect((error as { code: number }).code).toBe(2);
    expect((error as { stderr: string }).stderr).toContain(
      'usage: felhom-fstab-helper mount BASE UUID MOUNTPOINT FSTYPE OPTIONS',
    );
  });
});
