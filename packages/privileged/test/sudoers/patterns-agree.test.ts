import type { GoldenLXCSpec } from '@felhom/privileged';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../test-support/property-runs.js';
import { pctCreatePatterns } from '../../src/lxc/lxc-grammar.js';
import { pctCreateCommand } from '../../src/lxc/pct-create-command.js';
import { type ValidGoldenLXCSpec, validateGoldenLXCSpec } from '../../src/lxc/validate-spec.js';
import {
  helperMountPattern,
  helperUnmountPattern,
  parseHelperArguments,
} from '../../src/mount/helper-arguments.js';

// sudo matches a rule's expression against the arguments joined by single spaces.
const pctRules = pctCreatePatterns().map((pattern) => new RegExp(pattern));
const sudoAllowsPct = (args: readonly string[]) => pctRules.some((rule) => rule.test(args.join(' ')));
const helper = '/opt/felhom/dist/fstab-helper.js';
const base = '/srv/felhom/usb';
const mountRule = new RegExp(helperMountPattern(helper, base));
const unmountRule = new RegExp(helperUnmountPattern(helper, base));
const sudoAllowsHelper = (argv: readonly string[]) =>
  [mountRule, unmountRule].some((rule) => rule.test([helper, ...argv].join(' ')));

function helperAccepts(argv: readonly string[]): boolean {
  try {
    return parseHelperArguments(argv, base) !== undefined && argv[1] === base;
  } catch {
    return false;
  }
}

/** Builds the argv pct would get for a raw spec, whether or not it is valid, or undefined when it cannot be written at all. */
function pctArgs(raw: object): readonly string[] | undefined {
  try {
    return pctCreateCommand('/usr/sbin/pct', raw as unknown as ValidGoldenLXCSpec).command.args;
  } catch {
    return undefined; // the property-string serializer refuses it: no argv to compare
  }
}

// Mostly valid values, sometimes not: with every field drawn this way, many specs are valid and
// most invalid ones are wrong in a single field, which is where a looser rule would show.
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
const octet = mostly(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 256, max: 999 })).map(String);
const ip = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const integer = (min: number, max: number) =>
  mostly(
    fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max)),
    fc.oneof(fc.constantFrom(min - 1, max + 1), fc.integer({ min: max + 1, max: max * 10 + 10 })),
  );

describe('the sudo rules accept exactly what the validators accept (one definition of the arguments)', () => {
  it('pct create: the same specs pass the validators and the sudoers patterns', () => {
    const outcomes = { valid: 0, invalid: 0 };
    const spec = fc.record({
      vmid: integer(100, 999_999_999),
      template: mostly(
        fc.constantFrom('local:vztmpl/debian-12.tar.zst', 'nas.1:vztmpl/a_b+c.tar.gz', 'l2:vztmpl/x.tar.xz'),
        fc.constantFrom('local:vztmpl/x.tar.bz2', 'local:iso/x.tar.gz', 'l:vztmpl/x.tar.gz'),
      ),
      hostname: mostly(
        fc.domain().filter((name) => name.length <= 253),
        fc.stringMatching(/^[a-z0-9.-]{1,20}$/),
      ),
      storage: mostly(
        fc.constantFrom('local-lvm', 'zfs_pool.2', 'ab'),
        fc.constantFrom('a', '-x', 'x-', '1x'),
      ),
      rootfsSizeGiB: integer(1, 65_536),
      cores: integer(1, 8192),
      memoryMiB: integer(16, 16_777_216),
      swapMiB: integer(0, 16_777_216),
      nesting: fc.boolean(),
      network: fc.oneof(
        fc.record({ bridge: fc.constantFrom('vmbr0', 'vmbr_12'), ip: fc.constant('dhcp') }),
        fc.record({
          bridge: mostly(
            fc.constantFrom('vmbr0', 'vmbr_12'),
            fc.constantFrom('averyveryverylongbridge', '0br'),
          ),
          ip: fc
            .tuple(ip, mostly(fc.integer({ min: 1, max: 32 }), fc.constantFrom(0, 33, 40)))
            .map(([a, p]) => `${a}/${p}`),
          gateway: fc.option(ip, { nil: undefined }),
        }),
      ),
      sshPublicKeys: fc.constantFrom([], ['ssh-ed25519 AAAA ops@x']),
      start: fc.boolean(),
    });
    const runs = propertyRuns(5000);
    fc.assert(
      fc.property(spec, (raw) => {
        let valid = true;
        try {
          validateGoldenLXCSpec(raw as GoldenLXCSpec);
        } catch {
          valid = false;
        }
        outcomes[valid ? 'valid' : 'invalid'] += 1;
        const args = pctArgs(raw);
        if (args) expect(sudoAllowsPct(args)).toBe(valid);
        else expect(valid).toBe(false);
      }),
      { numRuns: runs },
    );
    expect(outcomes.valid).toBeGreaterThan(runs / 10); // the property saw plenty of both
    expect(outcomes.invalid).toBeGreaterThan(runs / 10);
  });

  it("the fstab helper: the same argv pass the helper's own parser and the sudoers patterns", () => {
    const uuid = fc.oneof(
      fc.uuid(),
      fc.uuid().map((u) => u.toUpperCase()),
      fc.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
      fc.stringMatching(/^[0-9a-f]{4}-[0-9a-f]{4}$/),
      fc.constantFrom('LABEL=x', '', '-o'),
    );
    const options = fc
      .subarray([
        'nofail',
        'nosuid',
        'nodev',
        'noexec',
        'ro',
        'rw',
        'noatime',
        'relatime',
        'sync',
        'exec',
        'suid',
      ])
      .chain((chosen) => fc.shuffledSubarray(chosen, { minLength: chosen.length }))
      .map((chosen) => chosen.join(','));
    const mountPoint = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9._-]{1,66}$/).map((name) => `${base}/${name}`),
      fc.constantFrom('/etc', `${base}/../etc`, `${base}/a/b`, `${base}2/a`),
    );
    const fsType = fc.constantFrom('ext4', 'xfs', 'btrfs', 'vfat', 'exfat', 'ntfs');
    const argv = fc.oneof(
      fc.tuple(fc.constant('mount'), fc.constantFrom(base, '/srv'), uuid, mountPoint, fsType, options),
      fc.tuple(fc.constant('unmount'), fc.constantFrom(base, '/srv'), mountPoint),
    );
    fc.assert(
      fc.property(argv, (args) => {
        expect(sudoAllowsHelper(args)).toBe(helperAccepts(args));
      }),
      { numRuns: propertyRuns(20_000) },
    );
  });

  it('refuses, in both, what the rules of 0.1 let through: options out of order and IP octets above 255', () => {
    const mount = ['mount', base, '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f', `${base}/a`, 'ext4'];
    for (const options of ['nofail,noexec,nodev,nosuid', 'nofail', 'nofail,nosuid,nodev,noexec,ro,rw']) {
      expect([sudoAllowsHelper([...mount, options]), helperAccepts([...mount, options])]).toEqual([
        false,
        false,
      ]);
    }
    expect([sudoAllowsHelper([...mount, 'nofail,nosuid,nodev,noexec,rw,noatime,sync'])]).toEqual([true]);
    const spec = {
      vmid: 100,
      template: 'local:vztmpl/debian-12.tar.zst',
      hostname: 'golden',
      storage: 'local-lvm',
      network: { bridge: 'vmbr0', ip: '999.1.1.1/24', gateway: '10.0.0.1' },
    };
    expect(() => validateGoldenLXCSpec(spec)).toThrow(/spec.network.ip/);
    const args = pctArgs({
      ...spec,
      rootfsSizeGiB: 8,
      cores: 1,
      memoryMiB: 512,
      swapMiB: 512,
      nesting: true,
      sshPublicKeys: [],
      start: false,
    });
    expect(sudoAllowsPct(args ?? [])).toBe(false);
  });
});
