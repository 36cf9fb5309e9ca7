import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RecordingRunner } from '@felhom/privileged/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFstabHelper } from '../../src/mount/fstab-helper-cli.js';
import { type MountSandbox, mountSandbox, pveFstab } from '../support/mount-sandbox.js';
import { repoRoot } from '../support/paths.js';

let box: MountSandbox;
beforeEach(async () => {
  box = await mountSandbox();
});
afterEach(async () => {
  await box.cleanup();
});

const uuid = '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';

async function helper(argv: string[]) {
  const runner = new RecordingRunner()
    .respond({ file: '/usr/bin/mount' }, {})
    .respond({ file: '/usr/bin/umount' }, {});
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFstabHelper(argv, {
    runner,
    fstabPath: box.fstab,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out, err, runner };
}

describe('the fstab helper (root side of the mount step in sudo mode)', () => {
  it('mounts with /usr/bin/mount, writes the fstab line itself and prints the result as JSON', async () => {
    const mountPoint = join(box.base, 'backup1');
    const { code, out, runner } = await helper([
      'mount',
      box.base,
      uuid,
      mountPoint,
      'ext4',
      'nofail,nosuid,nodev',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toEqual({
      mountPoint,
      options: 'nofail,nosuid,nodev',
      createdMountPoint: true,
      mounted: true,
      fstab: 'added',
    });
    expect(runner.commandLines).toEqual([
      `/usr/bin/mount -t ext4 -o nofail,nosuid,nodev UUID=${uuid} ${mountPoint}`,
    ]);
    expect(await readFile(box.fstab, 'utf8')).toBe(
      `${pveFstab}UUID=${uuid} ${mountPoint} ext4 nofail,nosuid,nodev 0 0\n`,
    );
    const again = await helper(['unmount', box.base, mountPoint]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out[0] ?? '').fstab).toBe('removed');
    expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
  });

  const bad: [string, (base: string) => string[]][] = [
    ['no arguments', () => []],
    ['an unknown action', (base) => ['write', base, uuid, `${base}/a`, 'ext4', 'nofail']],
    ['an extra argument', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail', 'extra']],
    ['a missing argument', (base) => ['mount', base, uuid, `${base}/a`, 'ext4']],
    ['a relative base', () => ['mount', 'srv/usb', uuid, 'srv/usb/a', 'ext4', 'nofail']],
    ['a mount point outside the base', (base) => ['mount', base, uuid, '/etc', 'ext4', 'nofail']],
    ['a dot-dot mount point', (base) => ['mount', base, uuid, `${base}/../etc`, 'ext4', 'nofail']],
    [
      'an uppercase ext4 UUID (not canonical)',
      (base) => ['mount', base, uuid.toUpperCase(), `${base}/a`, 'ext4', 'nofail'],
    ],
    ['a FAT serial for ext4', (base) => ['mount', base, '1A2B-3C4D', `${base}/a`, 'ext4', 'nofail']],
    ['options without nofail', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nosuid']],
    [
      'options out of canonical order',
      (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail,noexec,nosuid'],
    ],
    ['an option outside the allowlist', (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail,exec']],
    [
      'fstab text smuggled into options',
      (base) => ['mount', base, uuid, `${base}/a`, 'ext4', 'nofail 0 0\n/dev/sda1 / ext4'],
    ],
    ['a file system outside the allowlist', (base) => ['mount', base, uuid, `${base}/a`, 'ntfs', 'nofail']],
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
