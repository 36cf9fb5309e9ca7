import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Binaries, sudoersAllowlist } from '@felhom/privileged';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { requireReal } from '../support/real-prerequisites.js';
import { RootSandbox, sandboxReasons } from '../support/root-sandbox.js';

// The whole mount step as a compromised service user would drive it: real sudo with the
// generated drop-in, the real helper (bundled into a root-owned staging directory), real ext4
// loop devices, a real setuid-root binary, all inside a private mount namespace whose /etc is a
// copy (the host's fstab, sudoers and users are never touched).
const canRun = requireReal('real sudo mount step', sandboxReasons());

const user = `felhoms${randomBytes(3).toString('hex')}`;
const forced = 'nofail,nosuid,nodev,noexec';

describe.skipIf(!canRun)(
  'the mount step through real sudo, as the service user, in a private mount namespace',
  () => {
    let box: RootSandbox;
    let account: { uid: number; gid: number };
    let binaries: Binaries & { readonly call: string };
    let base: string;
    let rule: string;
    let hostFstab: Buffer;

    /** Runs one Privileged call as the service user through sudo; resolves with `{ ok }` or `{ error }`. */
    async function asServiceUser(request: {
      mount?: object;
      unmount?: string;
    }): Promise<{ ok?: Record<string, unknown>; error?: Record<string, unknown> }> {
      const { call, ...pinned } = binaries;
      const outcome = await box.run(
        process.execPath,
        [call, JSON.stringify({ mode: 'sudo', options: { mountBase: base, binaries: pinned }, ...request })],
        account,
      );
      const line = outcome.stdout.trim().split('\n').at(-1) ?? '';
      if (!line.startsWith('{')) throw new Error(`no outcome (exit ${outcome.code}): ${outcome.stderr}`);
      return JSON.parse(line);
    }
    const mountInfoLine = async (mountPoint: string) =>
      (await box.root('/usr/bin/cat', ['/proc/self/mountinfo'])).stdout
        .split('\n')
        .find((line) => line.split(' ')[4] === mountPoint);
    const fstab = () => readFile(join(box.dir, 'etc', 'fstab'), 'utf8');

    beforeAll(async () => {
      hostFstab = readFileSync('/etc/fstab');
      box = await RootSandbox.create();
      account = await box.addUser(user);
      base = join(box.dir, 'usb');
      await mkdir(base, { mode: 0o755 });
      const staged = await box.stageInstall();
      const call = join(box.dir, 'privileged-call.mjs');
      await box.bundle(join(repoRoot, 'packages/privileged/test/support/privileged-call.ts'), call);
      binaries = {
        ...staged,
        sensors: '/usr/bin/sensors',
        mount: '/usr/bin/mount',
        umount: '/usr/bin/umount',
        call,
      };
      const { call: _, ...pinned } = binaries;
      const dropIn = join(box.dir, 'etc', 'sudoers.d', 'felhom-agent');
      await box.write(dropIn, sudoersAllowlist({ user, mountBase: base, binaries: pinned }), 0o440);
      await box.root('/usr/sbin/visudo', ['-cf', '/etc/sudoers.d/felhom-agent']);
      // Root widens the device rule to loop devices, in the root-owned place the helper reads.
      rule = join(box.dir, 'etc', 'felhom', 'mount-devices');
      await box.write(rule, '# the tests mount loop devices\nallow loop\n');
    }, 120_000);

    afterAll(async () => {
      await box?.cleanup();
      // Nothing of this reached the host.
      expect(readFileSync('/etc/fstab')).toEqual(hostFstab);
    }, 60_000);

    it('a setuid-root binary on a USB disk never runs as root: nosuid,nodev,noexec are forced whatever the caller asks', async () => {
      const setuidId = { id: { from: '/usr/bin/id', mode: 0o4755 } };
      // Control: the same image mounted without those options does give the service user euid 0.
      const control = await box.ext4Loop('control', randomUUID(), setuidId);
      const controlDir = join(box.dir, 'control');
      await mkdir(controlDir);
      await box.root('/usr/bin/mount', [control, controlDir]);
      expect((await box.run(join(controlDir, 'id'), ['-u'], account)).stdout.trim()).toBe('0');
      await box.root('/usr/bin/umount', [controlDir]);

      const uuid = randomUUID();
      const loop = await box.ext4Loop('setuid', uuid, setuidId);
      const mountPoint = join(base, 'stick');
      const { ok } = await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint, options: [] } });
      expect(ok).toEqual({
        mountPoint,
        options: forced,
        device: loop,
        createdMountPoint: true,
        mounted: true,
        fstab: 'added',
      });
      expect((await mountInfoLine(mountPoint))?.split(' ')[5]).toMatch(/^rw,nosuid,nodev,noexec/);
      const ran = await box.run(join(mountPoint, 'id'), ['-u'], account);
      expect(ran.code).not.toBe(0);
      expect(ran.stdout).toBe('');
      expect(ran.stderr).toMatch(/Permission denied/);
      expect((await asServiceUser({ unmount: mountPoint })).ok).toMatchObject({
        unmounted: true,
        fstab: 'removed',
      });
    }, 120_000);

    it('sudo refuses the helper with any of the forced options left out, or with an extra argument', async () => {
      const uuid = randomUUID();
      const argsFor = (options: string, ...extra: string[]) => [
        binaries.fstabHelper,
        'mount',
        base,
        uuid,
        join(base, 'x'),
        'ext4',
        options,
        ...extra,
      ];
      const allowed = async (args: string[]) =>
        (await box.run('/usr/bin/sudo', ['-n', '-l', '-U', user, binaries.node, ...args])).code === 0;
      expect(await allowed(argsFor(forced))).toBe(true);
      for (const options of [
        'nofail',
        'nofail,nosuid,nodev',
        'nofail,nodev,noexec',
        'nofail,noexec,nodev,nosuid',
        `${forced},suid`,
        `${forced},exec`,
      ]) {
        expect(await allowed(argsFor(options))).toBe(false);
      }
      expect(await allowed(argsFor(forced, '/tmp/allow-everything'))).toBe(false);
    }, 60_000);

    it("mounts only what root's device rule allows, and refuses a disk that is in use", async () => {
      const uuid = randomUUID();
      const loop = await box.ext4Loop('rule', uuid);
      const mountPoint = join(base, 'rule');
      await box.write(rule, 'allow usb\n');
      const refused = await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } });
      expect(refused.error).toMatchObject({
        name: 'MountDeviceError',
        reason: 'mount-device',
        problem: 'not-allowed',
        device: loop,
      });
      expect(refused.error?.message).toContain(
        `it is a loop device, and /etc/felhom/mount-devices allows usb`,
      );
      // A rule file the service user could write is no rule at all.
      await box.write(rule, 'allow loop\n');
      await chown(rule, account.uid, account.gid);
      expect((await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } })).error).toMatchObject({
        problem: 'policy',
      });
      await chown(rule, 0, 0);
      // Mounted somewhere else (as the host's own disks are): refused.
      const elsewhere = join(box.dir, 'elsewhere');
      await mkdir(elsewhere);
      await box.root('/usr/bin/mount', [loop, elsewhere]);
      const busy = await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } });
      expect(busy.error).toMatchObject({ name: 'MountDeviceError', problem: 'in-use' });
      expect(busy.error?.message).toContain(`is mounted at ${elsewhere}`);
      await box.root('/usr/bin/umount', [elsewhere]);
      expect((await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } })).ok).toMatchObject({
        mounted: true,
      });
      await asServiceUser({ unmount: mountPoint });
    }, 120_000);

    it('a missing disk is a typed error: nothing is created, mounted or written', async () => {
      const before = await fstab();
      const uuid = randomUUID();
      const { error } = await asServiceUser({
        mount: { uuid, fsType: 'ext4', mountPoint: join(base, 'absent') },
      });
      expect(error).toMatchObject({ name: 'MountDeviceError', problem: 'absent', uuid });
      expect(await fstab()).toBe(before);
      expect((await box.run('/usr/bin/test', ['-e', join(base, 'absent')])).code).toBe(1);
    }, 60_000);

    it('20 service-user processes mounting at once keep all 20 fstab entries; 20 unmounting at once restore the fstab', async () => {
      const before = await fstab();
      const disks = await Promise.all(
        Array.from({ length: 20 }, async (_, index) => {
          const uuid = randomUUID();
          await box.ext4Loop(`many${index}`, uuid);
          return { uuid, mountPoint: join(base, `many${index}`) };
        }),
      );
      const mounted = await Promise.all(
        disks.map((disk) => asServiceUser({ mount: { ...disk, fsType: 'ext4' } })),
      );
      expect(mounted.map((outcome) => outcome.ok?.fstab)).toEqual(Array(20).fill('added'));
      const text = await fstab();
      expect(
        disks.filter((disk) => text.includes(`UUID=${disk.uuid} ${disk.mountPoint} ext4 ${forced} 0 0`)),
      ).toHaveLength(20);
      const unmounted = await Promise.all(disks.map((disk) => asServiceUser({ unmount: disk.mountPoint })));
      expect(unmounted.map((outcome) => outcome.ok?.fstab)).toEqual(Array(20).fill('removed'));
      expect(await fstab()).toBe(before);
    }, 240_000);

    it('a failed fstab write undoes the mount, and a retry succeeds', async () => {
      const uuid = randomUUID();
      await box.ext4Loop('rollback', uuid);
      const mountPoint = join(base, 'rollback');
      // The lock file exists after any edit (here: an unmount that has nothing to do); then /etc turns read-only.
      expect((await asServiceUser({ unmount: mountPoint })).ok).toMatchObject({ fstab: 'unchanged' });
      const before = await fstab();
      await box.root('/usr/bin/mount', ['-o', 'remount,bind,ro', '/etc']);
      let failed: Awaited<ReturnType<typeof asServiceUser>>;
      try {
        failed = await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } });
      } finally {
        await box.root('/usr/bin/mount', ['-o', 'remount,bind,rw', '/etc']);
      }
      expect(failed.error).toMatchObject({ name: 'FstabError', problem: 'write' });
      expect(failed.error?.message).toMatch(/read-only file system.*the mount was undone/i);
      expect(await mountInfoLine(mountPoint)).toBeUndefined();
      expect((await box.run('/usr/bin/test', ['-e', mountPoint])).code).toBe(1);
      expect(await fstab()).toBe(before);
      expect((await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } })).ok).toMatchObject({
        mounted: true,
        fstab: 'added',
      });
      await asServiceUser({ unmount: mountPoint });
    }, 120_000);

    it('a tmpfs at the mount point is not taken for ours, even with our UUID in fstab', async () => {
      const uuid = randomUUID();
      await box.ext4Loop('tmpfs', uuid);
      const mountPoint = join(base, 'tmpfs');
      await mkdir(mountPoint);
      await writeFile(
        join(box.dir, 'etc', 'fstab'),
        `${await fstab()}UUID=${uuid} ${mountPoint} ext4 ${forced} 0 0\n`,
      );
      await box.root('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'nosuid,nodev,noexec', 'tmpfs', mountPoint]);
      const { error } = await asServiceUser({ mount: { uuid, fsType: 'ext4', mountPoint } });
      expect(error).toMatchObject({ name: 'MountPointError', reason: 'mount-point' });
      expect(error?.message).toContain('another file system (tmpfs, tmpfs) is already mounted there');
      const refusedUnmount = await asServiceUser({ unmount: mountPoint });
      expect(refusedUnmount.error?.message).toContain(`not UUID=${uuid} from its fstab entry`);
      await box.root('/usr/bin/umount', [mountPoint]);
      expect((await asServiceUser({ unmount: mountPoint })).ok).toMatchObject({
        unmounted: false,
        fstab: 'removed',
      });
    }, 120_000);

    it('the service user can write none of what the drop-in pins', async () => {
      const { call: _, ...pinned } = binaries;
      for (const path of [pinned.fstabHelper, join(pinned.fstabHelper, '..'), pinned.node, rule]) {
        const outcome = await box.run('/usr/bin/test', ['-w', path], account);
        expect(outcome.code, path).toBe(1);
      }
    }, 60_000);
  },
);
