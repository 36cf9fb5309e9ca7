import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pveFstab } from '../support/mount-sandbox.js';
import { repoRoot } from '../support/paths.js';
import { requireReal } from '../support/real-prerequisites.js';
import { RootSandbox, sandboxReasons } from '../support/root-sandbox.js';

const canRun = requireReal('loop-device mount', sandboxReasons());

describe.skipIf(!canRun)(
  'mountUSBByUUID in direct mode on a real ext4 loop device (as root, private mount namespace, test fstab)',
  () => {
    let box: RootSandbox;
    let call: string;
    let base: string;
    let fstab: string;
    let rule: string;

    async function direct(request: { mount?: object; unmount?: string }) {
      const options = { mountBase: base, fstabPath: fstab, deviceRulePath: rule, mountStep: 'direct' };
      const outcome = await box.run(process.execPath, [
        call,
        JSON.stringify({ mode: 'direct', options, ...request }),
      ]);
      return JSON.parse(outcome.stdout.trim().split('\n').at(-1) ?? '{}') as {
        ok?: Record<string, unknown>;
        error?: Record<string, unknown>;
      };
    }

    beforeAll(async () => {
      box = await RootSandbox.create();
      call = join(box.dir, 'privileged-call.mjs');
      await box.bundle(join(repoRoot, 'packages/privileged/test/support/privileged-call.ts'), call);
      base = join(box.dir, 'usb');
      await mkdir(base, { mode: 0o755 });
      fstab = join(box.dir, 'fstab');
      await writeFile(fstab, pveFstab);
      rule = join(box.dir, 'rules', 'mount-devices');
    }, 120_000);

    afterAll(async () => {
      await box?.cleanup();
    }, 60_000);

    it('refuses the loop device under the default rule (USB only), mounting nothing', async () => {
      const uuid = randomUUID();
      const loop = await box.ext4Loop('default', uuid);
      const { error } = await direct({ mount: { uuid, fsType: 'ext4', mountPoint: join(base, 'default') } });
      expect(error).toMatchObject({ name: 'MountDeviceError', problem: 'not-allowed', device: loop });
      expect(await readFile(fstab, 'utf8')).toBe(pveFstab);
    }, 60_000);

    it('mounts by UUID once root allows loop devices, writes the entry once, is idempotent, and unmounts cleanly', async () => {
      await box.write(rule, 'allow loop\n');
      const uuid = randomUUID();
      const loop = await box.ext4Loop('stick', uuid);
      const mountPoint = join(base, 'stick');
      const first = await direct({ mount: { uuid, fsType: 'ext4', mountPoint } });
      expect(first.ok).toEqual({
        mountPoint,
        options: 'nofail,nosuid,nodev,noexec',
        device: loop,
        createdMountPoint: true,
        mounted: true,
        fstab: 'added',
      });
      const mountinfo = (await box.root('/usr/bin/cat', ['/proc/self/mountinfo'])).stdout;
      const line = mountinfo.split('\n').find((entry) => entry.split(' ')[4] === mountPoint);
      expect(line).toContain(` ${loop} `);
      expect(line).toMatch(/ rw,nosuid,nodev,noexec/);
      await box.root('/usr/bin/touch', [join(mountPoint, 'proof.txt')]);
      const text = await readFile(fstab, 'utf8');
      expect(text).toBe(`${pveFstab}UUID=${uuid} ${mountPoint} ext4 nofail,nosuid,nodev,noexec 0 0\n`);

      expect((await direct({ mount: { uuid, fsType: 'ext4', mountPoint } })).ok).toMatchObject({
        createdMountPoint: false,
        mounted: false,
        fstab: 'unchanged',
      });
      expect(await readFile(fstab, 'utf8')).toBe(text);
      const other = await direct({ mount: { uuid: randomUUID(), fsType: 'ext4', mountPoint } });
      expect(other.error).toMatchObject({ name: 'FstabError', problem: 'conflict' });

      expect((await direct({ unmount: mountPoint })).ok).toEqual({
        mountPoint,
        unmounted: true,
        fstab: 'removed',
        removedMountPoint: true,
      });
      expect(await readFile(fstab, 'utf8')).toBe(pveFstab);
      expect((await box.run('/usr/bin/test', ['-e', mountPoint])).code).toBe(1);
    }, 60_000);
  },
);
