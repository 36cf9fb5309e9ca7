import { InvalidInputError, type SudoersAllowlistOptions, sudoersAllowlist } from '@felhom/privileged';
import { describe, expect, it } from 'vitest';
import { sudoRegexMaxLength } from '../../src/sudoers/sudo-limits.js';
import { renderDropIn, validateDropInOptions } from '../../src/sudoers/sudoers-allowlist.js';
import { hostileStrings } from '../support/bad-inputs.js';

// The text of the drop-in, without the install check (these paths need not exist here; the
// install check has its own tests, and real sudo checks the text in sudoers-real.test.ts).
const dropIn = (options: SudoersAllowlistOptions) => renderDropIn(validateDropInOptions(options));

describe('sudoersAllowlist (text; real sudo checks it in sudoers-real.test.ts)', () => {
  const text = dropIn({
    user: 'felhom',
    mountBase: '/srv/felhom/usb',
    binaries: { node: '/usr/bin/node', fstabHelper: '/opt/felhom/dist/fstab-helper.js' },
  });

  it('pins the standard binaries and the helper path, with dots escaped in regexes', () => {
    expect(text).toContain('Defaults:felhom !requiretty, !lecture, env_reset, !authenticate');
    expect(text).toContain('Cmnd_Alias FELHOM_FELHOM_PCT = /usr/sbin/pct ^create [1-9][0-9]{2,8} ');
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
    const text = dropIn({
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

  it("keeps every argument pattern within sudo's 1024-character limit, and refuses an install path that would not fit", () => {
    const patterns = text.match(/\^[^\n]*?\$(?=,|\n)/g) ?? [];
    expect(patterns.length).toBe(7); // pct create: 3 --net0 shapes, one split on memory; smartctl -a; helper mount and unmount
    for (const pattern of patterns) expect(pattern.length).toBeLessThanOrEqual(sudoRegexMaxLength);
    const deep = `/opt/${'a'.repeat(120)}/${'b'.repeat(120)}/${'c'.repeat(120)}/fstab-helper.js`;
    const base = `/srv/${'u'.repeat(150)}`;
    expect(() => dropIn({ user: 'felhom', mountBase: base, binaries: { fstabHelper: deep } })).toThrow(
      /sudo's 1024-character regex limit/,
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
