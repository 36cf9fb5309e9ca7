import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ExecRunner, Privileged } from '@felhom/privileged';
import { describe, expect, it } from 'vitest';
import { isMountPoint } from '../../src/mount/mount-point.js';
import { mountSandbox, pveFstab } from '../support/mount-sandbox.js';
import { needBinary, requireReal, rootReasons } from '../support/real-prerequisites.js';

const run = promisify(execFile);
const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };

const canRun = requireReal('loop-device mount', [
  ...rootReasons(),
  !existsSync('/dev/loop-control') && 'no /dev/loop-control (loop devices unavailable)',
  needBinary('/usr/sbin/mkfs.ext4', 'e2fsprogs'),
  needBinary('/usr/sbin/losetup', 'util-linux'),
  needBinary('/usr/bin/mount', 'mount'),
  !existsSync('/proc/filesystems') && 'no /proc/filesystems',
]);

describe.skipIf(!canRun)(
  'mountUSBByUUID on a real ext4 loop device (direct mode, real mount, test fstab)',
  () => {
    it('mounts by UUID, writes the entry once, is idempotent, and unmounts cleanly', async () => {
      const box = await mountSandbox();
      const uuid = randomUUID();
      const image = join(box.root, 'usb.img');
      let loop: string | undefined;
      const mountPoint = join(box.base, 'stick');
      try {
        await run('/usr/bin/truncate', ['-s', '16M', image], { env });
        await run('/usr/sbin/mkfs.ext4', ['-q', '-F', '-U', uuid, '-L', 'FELHOM-TEST', image], { env });
        loop = (await run('/usr/sbin/losetup', ['--find', '--show', image], { env })).stdout.trim();
        expect(loop).toMatch(/^\/dev\/loop\d+$/);

        const privileged = new Privileged(new ExecRunner({ mode: 'direct' }), {
          mountBase: box.base,
          fstabPath: box.fstab,
        });
        const first = await privileged.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint });
        expect(first).toEqual({
          mountPoint,
          options: 'nofail,nosuid,nodev,noexec',
          createdMountPoint: true,
          mounted: true,
          fstab: 'added',
        });
        expect(await isMountPoint(mountPoint)).toBe(true);
        const mountinfo = await readFile('/proc/self/mountinfo', 'utf8');
        const line = mountinfo.split('\n').find((entry) => entry.split(' ')[4] === mountPoint);
        expect(line).toContain(` ${loop} `);
        expect(line).toMatch(/nosuid,nodev,noexec/);
        await writeFile(join(mountPoint, 'proof.txt'), 'written to the loop device');
        const fstab = await readFile(box.fstab, 'utf8');
        expect(fstab).toBe(`${pveFstab}UUID=${uuid} ${mountPoint} ext4 nofail,nosuid,nodev,noexec 0 0\n`);

        const second = await privileged.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint });
        expect(second).toMatchObject({ createdMountPoint: false, mounted: false, fstab: 'unchanged' });
        expect(await readFile(box.fstab, 'utf8')).toBe(fstab);

        const other = await privileged
          .mountUSBByUUID({ uuid: randomUUID(), fsType: 'ext4', mountPoint })
          .catch((e: unknown) => e);
        expect((other as Error).name).toBe('FstabError');

        const unmounted = await privileged.unmountUSB(mountPoint);
        expect(unmounted).toEqual({ mountPoint, unmounted: true, fstab: 'removed', removedMountPoint: true });
        expect(await readFile(box.fstab, 'utf8')).toBe(pveFstab);
        expect(existsSync(mountPoint)).toBe(false);
      } finally {
        if (existsSync(mountPoint)) await run('/usr/bin/umount', [mountPoint], { env }).catch(() => {});
        if (loop) await run('/usr/sbin/losetup', ['-d', loop], { env }).catch(() => {});
        await box.cleanup();
      }
    });
  },
);
