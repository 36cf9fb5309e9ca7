import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Command, type GoldenLXCSpec, Privileged, sudoersAllowlist } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, repoRoot } from '../support/paths.js';
import { needBinary, requireReal, rootReasons } from '../support/real-prerequisites.js';

const run = promisify(execFile);
const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };

const canRun = requireReal('real sudo allowlist', [
  ...rootReasons(),
  needBinary('/usr/bin/sudo', 'sudo'),
  needBinary('/usr/sbin/visudo', 'sudo'),
  needBinary('/usr/sbin/useradd', 'passwd'),
]);

// A unique throwaway system user and drop-in per run, removed in afterAll.
const user = `felhomt${randomBytes(4).toString('hex')}`;
const dropIn = `/etc/sudoers.d/zz-felhom-test-${user}`;
const mountBase = '/srv/felhom-test-usb';
const helper = '/usr/local/lib/felhom/fstab-helper.js';
const binaries = {
  pct: fixture('fake-pct.mjs'),
  smartctl: fixture('fake-smartctl.mjs'),
  node: '/usr/bin/node',
  fstabHelper: helper,
};
const text = sudoersAllowlist({ user, mountBase, binaries });

/** True when real sudo says `user` may run `command` (sudo -l exits 0 and lists it). */
async function allowed(command: Command): Promise<boolean> {
  return run('/usr/bin/sudo', ['-n', '-l', '-U', user, command.file, ...command.args], { env }).then(
    () => true,
    () => false,
  );
}

/** Every command Privileged issues for a spread of valid inputs, recorded (never executed). */
async function issuedCommands(): Promise<Command[]> {
  const runner = new RecordingRunner({ mode: 'sudo' })
    .respond({ file: binaries.pct }, {})
    .respond({ file: binaries.smartctl }, { stdout: '{"smartctl":{"exit_status":0}}' })
    .respond({ file: '/usr/bin/node' }, (command) => ({
      stdout: JSON.stringify(
        command.args[1] === 'mount'
          ? {
              mountPoint: command.args[4],
              options: command.args[6],
              createdMountPoint: true,
              mounted: true,
              fstab: 'added',
            }
          : { mountPoint: command.args[3], unmounted: true, fstab: 'removed', removedMountPoint: true },
      ),
    }));
  const privileged = new Privileged(runner, { mountBase, binaries, mountStep: 'helper' });
  const golden: GoldenLXCSpec = {
    vmid: 100,
    template: 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
    hostname: 'golden',
    storage: 'local-lvm',
    network: { bridge: 'vmbr0', ip: 'dhcp' },
  };
  await privileged.createGoldenLXC(golden);
  await privileged.createGoldenLXC({
    ...golden,
    vmid: 999_999_999,
    template: 'nas-backup.store:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst',
    hostname: 'web-1.lan.example',
    storage: 'zfs_pool.2',
    rootfsSizeGiB: 64,
    cores: 16,
    memoryMiB: 65_536,
    swapMiB: 0,
    nesting: false,
    network: { bridge: 'vmbr12', ip: '10.20.30.40/16', gateway: '10.20.0.1' },
    sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0 ops@felhom'],
    start: true,
  });
  for (const device of ['/dev/sda', '/dev/vdb', '/dev/nvme0n1', '/dev/sdaa']) await privileged.smart(device);
  await privileged.smartScan();
  await privileged.mountUSBByUUID({
    uuid: '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f',
    fsType: 'ext4',
    mountPoint: `${mountBase}/backup1`,
  });
  await privileged.mountUSBByUUID({
    uuid: '3F1C2A5E-8D4B-4C6A-9E2F-1A2B3C4D5E6F',
    fsType: 'btrfs',
    mountPoint: `${mountBase}/b.2_x`,
    options: [],
  });
  await privileged.mountUSBByUUID({
    uuid: '1a2b-3c4d',
    fsType: 'vfat',
    mountPoint: `${mountBase}/stick`,
    options: ['sync', 'ro', 'noatime', 'nosuid', 'nodev', 'noexec'],
  });
  await privileged.mountUSBByUUID({
    uuid: '1A2B-3C4D',
    fsType: 'exfat',
    mountPoint: `${mountBase}/x`,
    options: ['rw', 'relatime'],
  });
  await privileged.mountUSBByUUID({
    uuid: '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f',
    fsType: 'xfs',
    mountPoint: `${mountBase}/x1`,
  });
  await privileged.unmountUSB(`${mountBase}/backup1`);
  return runner.calls.map((call) => call.command);
}

describe.skipIf(!canRun)('the sudoers drop-in with real sudo and a real system user', () => {
  let dir: string;
  let uid = 0;
  let gid = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'felhom-sudoers-'));
    await run('/usr/sbin/useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user], {
      env,
    });
    uid = Number((await run('/usr/bin/id', ['-u', user], { env })).stdout.trim());
    gid = Number((await run('/usr/bin/id', ['-g', user], { env })).stdout.trim());
    const file = join(dir, 'felhom-agent');
    await writeFile(file, text, { mode: 0o440 });
    await run('/usr/sbin/visudo', ['-cf', file], { env });
    await writeFile(dropIn, text, { mode: 0o440 });
    await chmod(dropIn, 0o440);
  });

  afterAll(async () => {
    await rm(dropIn, { force: true });
    await run('/usr/sbin/userdel', [user], { env }).catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is accepted by visudo -cf, and visudo notices when it is broken', async () => {
    const { stdout } = await run('/usr/sbin/visudo', ['-cf', dropIn], { env });
    expect(stdout).toMatch(/parsed OK/);
    const broken = join(dir, 'broken');
    await writeFile(broken, text.replace('Cmnd_Alias', 'Cmnd_Alias ='), { mode: 0o440 });
    await expect(run('/usr/sbin/visudo', ['-cf', broken], { env })).rejects.toThrow();
  });

  it('uses regex arguments, never * globs, and the required Defaults', () => {
    expect(text).toContain(`Defaults:${user} !requiretty, !lecture, env_reset, !authenticate`);
    const rules = text.split('\n').filter((line) => !line.startsWith('#'));
    // A `*` may only be a regex quantifier (after `]` or `)`), never a glob.
    expect(rules.join('\n').replace(/[\])]\*/g, '')).not.toContain('*');
    expect(rules.filter((line) => line.includes(' ^'))).toHaveLength(4);
  });

  it('allows every command Privileged issues (sudo -l -U)', async () => {
    const commands = await issuedCommands();
    expect(commands).toHaveLength(13); // 2 pct create, 4 smart, 1 scan, 5 mount, 1 unmount
    const refused: string[] = [];
    for (const command of commands)
      if (!(await allowed(command))) refused.push([command.file, ...command.args].join(' '));
    expect(refused).toEqual([]);
  });

  const pctArgs = (extra: (args: string[]) => string[]) =>
    extra([
      'create',
      '100',
      'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
      '--hostname',
      'golden',
      '--rootfs',
      'local-lvm:8',
      '--cores',
      '1',
      '--memory',
      '512',
      '--swap',
      '512',
      '--unprivileged',
      '1',
      '--features',
      'keyctl=1,nesting=1',
      '--net0',
      'name=eth0,bridge=vmbr0,ip=dhcp',
      '--start',
      '0',
    ]);
  const uuid = '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';
  const nearMisses: [string, Command][] = [
    ['smartctl with an extra argument', { file: binaries.smartctl, args: ['-j', '-a', '/dev/sda', '-x'] }],
    ['smartctl on /dev/../etc/shadow', { file: binaries.smartctl, args: ['-j', '-a', '/dev/../etc/shadow'] }],
    ['smartctl /dev/sda -s off', { file: binaries.smartctl, args: ['-j', '-a', '/dev/sda', '-s', 'off'] }],
    ['smartctl on a partition', { file: binaries.smartctl, args: ['-j', '-a', '/dev/sda1'] }],
    ['smartctl writing a setting', { file: binaries.smartctl, args: ['-s', 'on', '/dev/sda'] }],
    [
      'smartctl --scan with an extra argument',
      { file: binaries.smartctl, args: ['-j', '--scan', '-d', 'sat'] },
    ],
    ['another binary', { file: '/usr/bin/id', args: ['-u'] }],
    ['sensors (runs without sudo)', { file: '/usr/bin/sensors', args: ['-j'] }],
    [
      'pct create with an extra argument',
      { file: binaries.pct, args: pctArgs((a) => [...a, '--password', 'x']) },
    ],
    [
      'pct create with an extra feature',
      {
        file: binaries.pct,
        args: pctArgs((a) => a.map((x) => (x === 'keyctl=1,nesting=1' ? 'keyctl=1,nesting=1,mount=nfs' : x))),
      },
    ],
    [
      'pct create privileged',
      { file: binaries.pct, args: pctArgs((a) => a.map((x, i) => (i === 14 ? '0' : x))) },
    ],
    [
      'pct create with a hostname option',
      { file: binaries.pct, args: pctArgs((a) => a.map((x) => (x === 'golden' ? '--help' : x))) },
    ],
    ['pct destroy', { file: binaries.pct, args: ['destroy', '100'] }],
    ['pct with no arguments', { file: binaries.pct, args: [] }],
    [
      'the helper mounting outside the base',
      { file: '/usr/bin/node', args: [helper, 'mount', mountBase, uuid, '/etc', 'ext4', 'nofail'] },
    ],
    [
      'the helper with a dot-dot mount point',
      {
        file: '/usr/bin/node',
        args: [helper, 'mount', mountBase, uuid, `${mountBase}/../etc`, 'ext4', 'nofail'],
      },
    ],
    [
      'the helper with another base',
      { file: '/usr/bin/node', args: [helper, 'mount', '/etc', uuid, '/etc/x', 'ext4', 'nofail'] },
    ],
    [
      'the helper with fstab text',
      {
        file: '/usr/bin/node',
        args: [helper, 'mount', mountBase, uuid, `${mountBase}/a`, 'ext4', 'nofail', '0', '0'],
      },
    ],
    [
      'the helper without nofail',
      {
        file: '/usr/bin/node',
        args: [helper, 'mount', mountBase, uuid, `${mountBase}/a`, 'ext4', 'defaults'],
      },
    ],
    [
      'the helper with exec',
      {
        file: '/usr/bin/node',
        args: [helper, 'mount', mountBase, uuid, `${mountBase}/a`, 'ext4', 'nofail,exec'],
      },
    ],
    [
      'node running another script',
      {
        file: '/usr/bin/node',
        args: ['/tmp/evil.js', 'mount', mountBase, uuid, `${mountBase}/a`, 'ext4', 'nofail'],
      },
    ],
    ['node with -e', { file: '/usr/bin/node', args: ['-e', 'process.exit(0)', helper, 'mount'] }],
    [
      'the helper unmounting outside the base',
      { file: '/usr/bin/node', args: [helper, 'unmount', mountBase, '/'] },
    ],
  ];

  it.each(nearMisses)('refuses %s', async (_, command) => {
    expect(await allowed(command)).toBe(false);
  });

  it('ExecRunner in sudo mode, run as that user, executes an allowed command as root and gets PrivilegeDeniedError for refused ones', async () => {
    // The service user may not be able to read the clone (a checkout under a 0700 folder, such as
    // one made by `mktemp -d`), so it runs a self-contained bundle from a folder it can read.
    const script = join(dir, 'run-as-service-user.mjs');
    await build({
      entryPoints: [join(repoRoot, 'packages/privileged/test/support/run-as-service-user.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: script,
      logLevel: 'silent',
    });
    await chmod(dir, 0o755);
    await chmod(script, 0o644);
    const { stdout } = await run('/usr/bin/node', [script, binaries.smartctl], {
      cwd: dir,
      uid,
      gid,
      env: { PATH: env.PATH, HOME: dir },
    });
    const report = JSON.parse(stdout);
    expect(report.uid).toBe(uid);
    expect(report.allowedRaw).toEqual({ ok: 0 }); // the fake smartctl ran as root through sudo
    expect(report.smartScan).toEqual({
      ok: [{ name: '/dev/sda', infoName: '/dev/sda [SAT]', type: 'sat', protocol: 'ATA' }],
    });
    expect(report.smart).toEqual({ ok: 'passed' });
    expect(report.extraArgument).toEqual({
      error: 'PrivilegeDeniedError',
      refusal: 'not-allowed',
      command: `${binaries.smartctl} -j -a /dev/sda -s off`,
      sudoMessage: expect.stringMatching(new RegExp(`^Sorry, user ${user} is not allowed to execute`)),
    });
    expect(report.anotherBinary).toMatchObject({
      error: 'PrivilegeDeniedError',
      refusal: 'not-allowed',
      command: '/usr/bin/id -u',
    });
  });
});
