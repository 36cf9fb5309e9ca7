import { InvalidInputError, sudoersAllowlist } from '@felhom/privileged';
import { describe, expect, it } from 'vitest';
import { hostileStrings } from '../support/bad-inputs.js';

describe('sudoersAllowlist (text; real sudo checks it in sudoers-real.test.ts)', () => {
  const text = sudoersAllowlist({
    user: 'felhom',
    mountBase: '/srv/felhom/usb',
    binaries: { node: '/usr/bin/node', fstabHelper: '/opt/felhom/dist/fstab-helper.js' },
  });

  it('pins the standard binaries and the helper path, with dots escaped in regexes', () => {
    expect(text).toContain('Defaults:felhom !requiretty, !lecture, env_reset, !authenticate');
    expect(text).toContain('= /usr/sbin/pct ^create [1-9][0-9]{2,8} ');
    expect(text).toContain('/usr/sbin/smartctl -j --scan, \\');
    expect(text).toContain(
      '/usr/sbin/smartctl ^-j -a /dev/(sd[a-z]{1,3}|vd[a-z]{1,3}|nvme[0-9]{1,3}n[0-9]{1,3})$',
    );
    expect(text).toContain('/usr/bin/node ^/opt/felhom/dist/fstab-helper\\.js mount /srv/felhom/usb ');
    expect(text).toContain(
      'felhom ALL=(root) NOPASSWD: FELHOM_FELHOM_PCT, FELHOM_FELHOM_SMART, FELHOM_FELHOM_MOUNT',
    );
    expect(text).not.toContain('sensors');
    // `#` is the one character sudoers would misread inside a regex; rule lines never contain one.
    const rules = text.split('\n').filter((line) => !line.startsWith('#'));
    expect(rules.join(' ')).not.toContain('#');
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an uppercase user', { user: 'Felhom' }, 'options.user'],
    ['a user with a colon', { user: 'felhom:root' }, 'options.user'],
    ['a 33-character user', { user: 'a'.repeat(33) }, 'options.user'],
    ['a relative base', { mountBase: 'srv/usb' }, 'options.mountBase'],
    ['a base with ..', { mountBase: '/srv/../etc' }, 'options.mountBase'],
    ['a helper path with a space', { binaries: { fstabHelper: '/opt/a b.js' } }, 'binaries.fstabHelper'],
    ['a pct path with ..', { binaries: { pct: '/usr/../tmp/pct' } }, 'binaries.pct'],
    ['a relative smartctl', { binaries: { smartctl: 'smartctl' } }, 'binaries.smartctl'],
    ['a pct path with a . segment', { binaries: { pct: '/usr/./sbin/pct' } }, 'binaries.pct'],
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a user with ${what}`,
      { user: value },
      'options.user',
    ]),
    ...hostileStrings.map(([what, value]): [string, Record<string, unknown>, string] => [
      `a base with ${what}`,
      { mountBase: `/srv/${value}` },
      'options.mountBase',
    ]),
  ];

  it('accepts install paths with @scope and dot-directory segments', () => {
    // Where npm puts the helper and where nvm/npx put node: both must be pinnable.
    const text = sudoersAllowlist({
      user: 'felhom',
      mountBase: '/srv/felhom/usb',
      binaries: {
        fstabHelper: '/opt/app/node_modules/@felhom/privileged/dist/fstab-helper.js',
        node: '/root/.nvm/versions/node/v20.19.0/bin/node',
      },
    });
    expect(text).toContain(
      '/root/.nvm/versions/node/v20.19.0/bin/node ^/opt/app/node_modules/@felhom/privileged/dist/fstab-helper\\.js mount',
    );
  });

  it.each(bad)('rejects %s', (_, override, parameter) => {
    const call = () =>
      sudoersAllowlist({ user: 'felhom', mountBase: '/srv/felhom/usb', ...override } as Parameters<
        typeof sudoersAllowlist
      >[0]);
    expect(call).toThrow(InvalidInputError);
    try {
      call();
    } catch (error) {
      expect((error as InvalidInputError).parameter).toBe(parameter);
    }
  });
});
