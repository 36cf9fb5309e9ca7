import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Command, type GoldenLXCSpec, Privileged, sudoersAllowlist } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { requireReal } from '../support/real-prerequisites.js';
import { RootSandbox, sandboxReasons } from '../support/root-sandbox.js';

// Real sudo 1.9 with the generated drop-in, a throwaway system user and a root-owned staged
// install, all inside a private mount namespace whose /etc is a copy: the host's sudoers.d and
// passwd are never touched.
const canRun = requireReal('real sudo allowlist', [...sandboxReasons(), false]);

const user = `felhomt${randomBytes(4).toString('hex')}`;
const mountBase = '/srv/felhom-test-usb';
const uuid = '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';
const forced = 'nofail,nosuid,nodev,noexec';

describe.skipIf(!canRun)('the sudoers drop-in with real sudo and a real system user', () => {
  let box: RootSandbox;
  let account: { uid: number; gid: number };
  let binaries: { node: string; fstabHelper: string; pct: string; smartctl: string };
  let text: string;

  /** True when real sudo says `user` may run `command` (sudo -l exits 0 and lists it). */
  async function allowed(command: Command): Promise<boolean> {
    return (
      (await box.run('/usr/bin/sudo', ['-n', '-l', '-U', user, command.file, ...command.args])).code === 0
    );
  }

  /** Every command Privileged issues for a spread of valid inputs, recorded (never executed). */
  async function issuedCommands(): Promise<Command[]> {
    const runner = new RecordingRunner({ mode: 'sudo' })
      .respond({ file: binaries.pct }, {})
      .respond({ file: binaries.smartctl }, { stdout: '{"smartctl":{"exit_status":0}}' })
      .respond({ file: binaries.node }, (command) => ({
        stdout: JSON.stringify(
          command.args[1] === 'mount'
            ? {
                mountPoint: command.args[4],
                options: command.args[6],
                device: '/dev/sdb1',
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
    const big = {
      ...golden,
      vmid: 999_999_999,
      template: 'nas-backup.store:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst',
      hostname: 'web-1.lan.example',
      storage: 'zfs_pool.2',
      rootfsSizeGiB: 65_536,
      cores: 8192,
      memoryMiB: 16_777_216,
      swapMiB: 0,
      nesting: false,
      network: { bridge: 'vmbr12', ip: '10.20.30.40/16', gateway: '10.20.0.1' },
      sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0 ops@felhom'],
      start: true,
    };
    await privileged.createGoldenLXC(big);
    await privileged.createGoldenLXC({
      ...big,
      memoryMiB: 16,
      network: { bridge: 'vmbr0', ip: '255.255.255.255/32' },
    });
    await privileged.createGoldenLXC({ ...big, memoryMiB: 9_999_999 }); // both sides of the memory split
    for (const device of ['/dev/sda', '/dev/vdb', '/dev/nvme0n1', '/dev/sdaa'])
      await privileged.smart(device);
    await privileged.smartScan();
    await privileged.mountUSBByUUID({ uuid, fsType: 'ext4', mountPoint: `${mountBase}/backup1` });
    await privileged.mountUSBByUUID({
      uuid: uuid.toUpperCase(),
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
    await privileged.mountUSBByUUID({ uuid, fsType: 'xfs', mountPoint: `${mountBase}/x1` });
    await privileged.unmountUSB(`${mountBase}/backup1`);
    return runner.calls.map((call) => call.command);
  }

  beforeAll(async () => {
    box = await RootSandbox.create();
    account = await box.addUser(user);
    binaries = await box.stageInstall();
    text = sudoersAllowlist({ user, mountBase, binaries });
    await box.write(join(box.dir, 'etc', 'sudoers.d', 'felhom-agent'), text, 0o440);
  }, 120_000);

  afterAll(async () => {
    await box?.cleanup();
  }, 60_000);

  it('is accepted by visudo -cf, and visudo notices when it is broken', async () => {
    expect((await box.root('/usr/sbin/visudo', ['-cf', '/etc/sudoers.d/felhom-agent'])).stdout).toMatch(
      /parsed OK/,
    );
    await box.write(join(box.dir, 'broken'), text.replace('Cmnd_Alias', 'Cmnd_Alias ='), 0o440);
    expect((await box.run('/usr/sbin/visudo', ['-cf', join(box.dir, 'broken')])).code).not.toBe(0);
  });

  it('uses regex arguments, never * globs, and the required Defaults', () => {
    expect(text).toContain(`Defaults:${user} !requiretty, !lecture, env_reset, !authenticate`);
    const rules = text.split('\n').filter((line) => !line.startsWith('#'));
    // A `*` may only be a regex quantifier (after `]` or `)`), never a glob.
    expect(rules.join('\n').replace(/[\])]\*/g, '')).not.toContain('*');
    expect(rules.filter((line) => line.includes(' ^'))).toHaveLength(7);
  });

  it('allows every command Privileged issues (sudo -l -U)', async () => {
    const commands = await issuedCommands();
    expect(commands).toHaveLength(15); // 4 pct create, 4 smart, 1 scan, 5 mount, 1 unmount
    const refused: string[] = [];
    for (const command of commands)
      if (!(await allowed(command))) refused.push([command.file, ...command.args].join(' '));
    expect(refused).toEqual([]);
  }, 60_000);

  const pctArgs = (change: (args: string[]) => string[]) =>
    change([
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
  const replace = (from: string, to: string) => (args: string[]) =>
    args.map((arg) => (arg === from ? to : arg));
  const helper =
    (...args: string[]) =>
    (): Command => ({ file: binaries.node, args: [binaries.fstabHelper, ...args] });
  const mount = (options: string, ...extra: string[]) =>
    helper('mount', mountBase, uuid, `${mountBase}/a`, 'ext4', options, ...extra);
  const nearMisses: [string, () => Command][] = [
    [
      'smartctl with an extra argument',
      () => ({ file: binaries.smartctl, args: ['-j', '-a', '/dev/sda', '-x'] }),
    ],
    [
      'smartctl on /dev/../etc/shadow',
      () => ({ file: binaries.smartctl, args: ['-j', '-a', '/dev/../etc/shadow'] }),
    ],
    [
      'smartctl /dev/sda -s off',
      () => ({ file: binaries.smartctl, args: ['-j', '-a', '/dev/sda', '-s', 'off'] }),
    ],
    ['smartctl on a partition', () => ({ file: binaries.smartctl, args: ['-j', '-a', '/dev/sda1'] })],
    ['smartctl writing a setting', () => ({ file: binaries.smartctl, args: ['-s', 'on', '/dev/sda'] })],
    [
      'smartctl --scan with an extra argument',
      () => ({ file: binaries.smartctl, args: ['-j', '--scan', '-d', 'sat'] }),
    ],
    ['another binary', () => ({ file: '/usr/bin/id', args: ['-u'] })],
    ['sensors (runs without sudo)', () => ({ file: '/usr/bin/sensors', args: ['-j'] })],
    [
      'pct create with an extra argument',
      () => ({ file: binaries.pct, args: pctArgs((a) => [...a, '--password', 'x']) }),
    ],
    [
      'pct create with an extra feature',
      () => ({
        file: binaries.pct,
        args: pctArgs(replace('keyctl=1,nesting=1', 'keyctl=1,nesting=1,mount=nfs')),
      }),
    ],
    [
      'pct create privileged',
      () => ({ file: binaries.pct, args: pctArgs((a) => a.map((x, i) => (i === 14 ? '0' : x))) }),
    ],
    [
      'pct create with a hostname option',
      () => ({ file: binaries.pct, args: pctArgs(replace('golden', '--help')) }),
    ],
    [
      'pct create with an IP octet above 255',
      () => ({
        file: binaries.pct,
        args: pctArgs(replace('name=eth0,bridge=vmbr0,ip=dhcp', 'name=eth0,bridge=vmbr0,ip=999.1.1.1/24')),
      }),
    ],
    [
      'pct create with a prefix length of 33',
      () => ({
        file: binaries.pct,
        args: pctArgs(replace('name=eth0,bridge=vmbr0,ip=dhcp', 'name=eth0,bridge=vmbr0,ip=10.0.0.1/33')),
      }),
    ],
    [
      'pct create with more cores than the validators allow',
      () => ({ file: binaries.pct, args: pctArgs(replace('1', '8193')) }),
    ],
    [
      'pct create with less memory than the validators allow',
      () => ({ file: binaries.pct, args: pctArgs(replace('512', '15')) }),
    ],
    ['pct destroy', () => ({ file: binaries.pct, args: ['destroy', '100'] })],
    ['pct with no arguments', () => ({ file: binaries.pct, args: [] })],
    ['the helper mounting outside the base', helper('mount', mountBase, uuid, '/etc', 'ext4', forced)],
    [
      'the helper with a dot-dot mount point',
      helper('mount', mountBase, uuid, `${mountBase}/../etc`, 'ext4', forced),
    ],
    ['the helper with another base', helper('mount', '/etc', uuid, '/etc/x', 'ext4', forced)],
    ['the helper with fstab text', mount(forced, '0', '0')],
    ['the helper without nofail', mount('nosuid,nodev,noexec')],
    ['the helper without the forced options', mount('nofail')],
    ['the helper with options out of order', mount('nofail,noexec,nodev,nosuid')],
    ['the helper with both ro and rw', mount(`${forced},ro,rw`)],
    ['the helper with exec', mount(`${forced},exec`)],
    [
      'the helper with a FAT serial for ext4',
      helper('mount', mountBase, '1A2B-3C4D', `${mountBase}/a`, 'ext4', forced),
    ],
    [
      'the helper with a lower-case FAT serial',
      helper('mount', mountBase, '1a2b-3c4d', `${mountBase}/a`, 'vfat', forced),
    ],
    ['the helper with a device rule of its own', mount(forced, '/tmp/mount-devices')],
    [
      'node running another script',
      () => ({
        file: binaries.node,
        args: ['/tmp/evil.js', 'mount', mountBase, uuid, `${mountBase}/a`, 'ext4', forced],
      }),
    ],
    [
      'node with -e',
      () => ({ file: binaries.node, args: ['-e', 'process.exit(0)', binaries.fstabHelper, 'mount'] }),
    ],
    ['the helper unmounting outside the base', helper('unmount', mountBase, '/')],
  ];

  it.each(nearMisses)('refuses %s', async (_, command) => {
    expect(await allowed(command())).toBe(false);
  });

  it('sudo refuses an argument expression longer than 1024 characters although visudo accepts it; the drop-in never has one', async () => {
    const expression = (repeats: number) => `^-u${'( -u)?'.repeat(repeats)}$`;
    expect(expression(170)).toHaveLength(1024);
    const rules = `${user} ALL=(root) NOPASSWD: /usr/bin/echo ${expression(170)}, /usr/bin/id ${expression(171)}\n`;
    await box.write(join(box.dir, 'etc', 'sudoers.d', 'long-rules'), rules, 0o440);
    try {
      expect((await box.root('/usr/sbin/visudo', ['-c'])).code).toBe(0);
      expect(await allowed({ file: '/usr/bin/echo', args: ['-u'] })).toBe(true);
      expect(await allowed({ file: '/usr/bin/id', args: ['-u'] })).toBe(false);
    } finally {
      await box.root('/usr/bin/rm', ['/etc/sudoers.d/long-rules']);
    }
    const longest = Math.max(...(text.match(/\^[^\n]*?\$(?=,|\n)/g) ?? []).map((pattern) => pattern.length));
    expect(longest).toBeGreaterThan(900);
    expect(longest).toBeLessThanOrEqual(1024);
  });

  it('ExecRunner in sudo mode, run as that user, executes an allowed command as root and gets PrivilegeDeniedError for refused ones', async () => {
    // A self-contained bundle the service user can read wherever the clone lives.
    const script = join(box.dir, 'run-as-service-user.mjs');
    await box.bundle(join(repoRoot, 'packages/privileged/test/support/run-as-service-user.ts'), script);
    const outcome = await box.run(process.execPath, [script, binaries.smartctl], account);
    const report = JSON.parse(outcome.stdout);
    expect(report.uid).toBe(account.uid);
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
  }, 60_000);
});
