import { type GoldenLXCSpec, InvalidInputError, Privileged } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { describe, expect, it } from 'vitest';
import { hostileStrings } from '../support/bad-inputs.js';

const base: GoldenLXCSpec = {
  vmid: 9000,
  template: 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
  hostname: 'golden',
  storage: 'local-lvm',
  network: { bridge: 'vmbr0', ip: 'dhcp' },
};

function setup() {
  const runner = new RecordingRunner().respond({ file: '/usr/sbin/pct' }, { stdout: 'extracting archive\n' });
  return { runner, privileged: new Privileged(runner, { mountBase: '/srv/felhom/usb' }) };
}

describe('createGoldenLXC', () => {
  it('runs pct create with keyctl and nesting and the defaults, each value a separate argument', async () => {
    const { runner, privileged } = setup();
    const created = await privileged.createGoldenLXC(base);
    expect(created.vmid).toBe(9000);
    expect(created.result.stdout).toBe('extracting archive\n');
    expect(runner.calls).toHaveLength(1);
    expect(runner.calls[0]?.command).toEqual({
      file: '/usr/sbin/pct',
      args: [
        'create',
        '9000',
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
      ],
    });
    expect(runner.calls[0]?.options.timeout).toBe(15 * 60_000);
  });

  it('passes a static address, gateway, resources, SSH keys on stdin and start', async () => {
    const { runner, privileged } = setup();
    const keys = [
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0 ops@felhom',
      'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==',
    ];
    await privileged.createGoldenLXC({
      ...base,
      vmid: 123456789,
      hostname: 'web-1.lan.example',
      rootfsSizeGiB: 32,
      cores: 4,
      memoryMiB: 4096,
      swapMiB: 0,
      nesting: false,
      network: { bridge: 'vmbr1', ip: '192.168.10.50/24', gateway: '192.168.10.1' },
      sshPublicKeys: keys,
      start: true,
    });
    const call = runner.calls[0];
    expect(call?.command.args).toEqual([
      'create',
      '123456789',
      'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
      '--hostname',
      'web-1.lan.example',
      '--rootfs',
      'local-lvm:32',
      '--cores',
      '4',
      '--memory',
      '4096',
      '--swap',
      '0',
      '--unprivileged',
      '1',
      '--features',
      'keyctl=1',
      '--net0',
      'name=eth0,bridge=vmbr1,ip=192.168.10.50/24,gw=192.168.10.1',
      '--ssh-public-keys',
      '/dev/stdin',
      '--start',
      '1',
    ]);
    expect(call?.options.stdin).toBe(`${keys.join('\n')}\n`);
  });

  const bad: [string, Partial<Record<keyof GoldenLXCSpec, unknown>> | Record<string, unknown>, string][] = [
    ['vmid below 100', { vmid: 99 }, 'spec.vmid'],
    ['vmid above 999999999', { vmid: 1_000_000_000 }, 'spec.vmid'],
    ['a fractional vmid', { vmid: 100.5 }, 'spec.vmid'],
    ['a string vmid', { vmid: '100' }, 'spec.vmid'],
    ['a template without vztmpl/', { template: 'local:iso/debian.iso' }, 'spec.template'],
    ['a template with ..', { template: 'local:vztmpl/../../etc/shadow.tar.gz' }, 'spec.template'],
    ['a template with a space', { template: 'local:vztmpl/deb 12.tar.zst' }, 'spec.template'],
    ['a hostname with an underscore', { hostname: 'web_1' }, 'spec.hostname'],
    ['a hostname label of 64 characters', { hostname: 'a'.repeat(64) }, 'spec.hostname'],
    ['a hostname starting with a hyphen', { hostname: '-web' }, 'spec.hostname'],
    ['a storage with a colon', { storage: 'local:lvm' }, 'spec.storage'],
    ['rootfs of 0 GiB', { rootfsSizeGiB: 0 }, 'spec.rootfsSizeGiB'],
    ['0 cores', { cores: 0 }, 'spec.cores'],
    ['memory below 16 MiB', { memoryMiB: 8 }, 'spec.memoryMiB'],
    ['negative swap', { swapMiB: -1 }, 'spec.swapMiB'],
    ['a privileged container', { unprivileged: false }, 'spec.unprivileged'],
    ['a bridge with a comma', { network: { bridge: 'vmbr0,firewall=1', ip: 'dhcp' } }, 'spec.network.bridge'],
    [
      'a bridge longer than 15',
      { network: { bridge: 'vmbr0123456789012', ip: 'dhcp' } },
      'spec.network.bridge',
    ],
    ['an ip without prefix', { network: { bridge: 'vmbr0', ip: '10.0.0.5' } }, 'spec.network.ip'],
    ['an ip with prefix 33', { network: { bridge: 'vmbr0', ip: '10.0.0.5/33' } }, 'spec.network.ip'],
    ['an octet above 255', { network: { bridge: 'vmbr0', ip: '10.0.0.256/24' } }, 'spec.network.ip'],
    [
      'an ip with an injected key',
      { network: { bridge: 'vmbr0', ip: '10.0.0.5/24,rate=1' } },
      'spec.network.ip',
    ],
    [
      'a gateway with dhcp',
      { network: { bridge: 'vmbr0', ip: 'dhcp', gateway: '10.0.0.1' } },
      'spec.network.gateway',
    ],
    [
      'a malformed gateway',
      { network: { bridge: 'vmbr0', ip: '10.0.0.5/24', gateway: '10.0.0' } },
      'spec.network.gateway',
    ],
    ['a missing network', { network: undefined }, 'spec.network'],
    [
      'an SSH key with a newline',
      { sshPublicKeys: ['ssh-ed25519 AAAA a\nssh-rsa BBBB b'] },
      'spec.sshPublicKeys[0]',
    ],
    ['a private key', { sshPublicKeys: ['-----BEGIN OPENSSH PRIVATE KEY-----'] }, 'spec.sshPublicKeys[0]'],
    ['an unknown key type', { sshPublicKeys: ['ssh-foo AAAA'] }, 'spec.sshPublicKeys[0]'],
    ['start as a string', { start: 'yes' }, 'spec.start'],
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a hostname with ${what}`,
      { hostname: value },
      'spec.hostname',
    ]),
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a storage with ${what}`,
      { storage: value },
      'spec.storage',
    ]),
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a bridge with ${what}`,
      { network: { bridge: value, ip: 'dhcp' } },
      'spec.network.bridge',
    ]),
  ];

  it.each(bad)('rejects %s with InvalidInputError and runs nothing', async (_, override, parameter) => {
    const { runner, privileged } = setup();
    const error = await privileged
      .createGoldenLXC({ ...base, ...override } as GoldenLXCSpec)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).parameter).toBe(parameter);
    expect(runner.calls).toHaveLength(0);
  });

  it('rejects a spec that is not an object and bad call options, running nothing', async () => {
    const { runner, privileged } = setup();
    await expect(privileged.createGoldenLXC(null as unknown as GoldenLXCSpec)).rejects.toThrow(
      /invalid spec/,
    );
    await expect(privileged.createGoldenLXC(base, { timeout: 0 })).rejects.toThrow(/options\.timeout/);
    await expect(privileged.createGoldenLXC(base, { signal: 'x' as unknown as AbortSignal })).rejects.toThrow(
      /options\.signal/,
    );
    expect(runner.calls).toHaveLength(0);
  });
});
