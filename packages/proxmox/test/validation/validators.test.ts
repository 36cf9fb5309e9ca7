import { InvalidArgumentError } from '@felhom/proxmox';
import {
  assertNodeName,
  assertSnapshotName,
  assertStorageId,
  assertVmid,
  assertVolumeId,
} from '@felhom/proxmox/validation';
import { describe, expect, it } from 'vitest';

/** Shared hostile inputs: each validator must refuse every one of them. */
const hostile: unknown[] = [
  '',
  ' ',
  'a b',
  'a\nb',
  'name\n',
  '\ttab',
  'a;rm -rf /',
  '$(id)',
  '`id`',
  'a|b',
  'a&b',
  'a>b',
  "a'b",
  'a"b',
  '../etc',
  'x'.repeat(2000),
  null,
  undefined,
  {},
  [],
  true,
  Number.NaN,
  Symbol('s'),
];

function rejects(run: (value: unknown) => unknown, value: unknown, parameter: string): void {
  try {
    run(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).parameter).toBe(parameter);
    expect((error as InvalidArgumentError).value).toBe(value);
    return;
  }
  expect.unreachable(`accepted ${String(value)}`);
}

describe('assertVmid', () => {
  it.each([
    [100, 100],
    ['100', 100],
    [999999999, 999999999],
    ['123456789', 123456789],
  ])('accepts %j', (input, output) => {
    expect(assertVmid(input)).toBe(output);
  });
  it.each([
    ...hostile,
    99,
    '99',
    0,
    -100,
    1000000000,
    '1000000000',
    100.5,
    '100.0',
    '0100',
    '+100',
    ' 100',
    '100 ',
    '1e3',
    1e21,
    '0x64',
  ])('refuses %j', (value) => rejects(assertVmid, value, 'vmid'));
  it('names the parameter it was given', () => {
    rejects((value) => assertVmid(value, 'newid'), 'abc', 'newid');
    expect(() => assertVmid('abc')).toThrow(
      'invalid vmid: expected an integer from 100 to 999999999 (pve-vmid), got "abc"',
    );
  });
});

describe('assertNodeName', () => {
  it.each(['pve', 'pve1', 'PVE-node-2', 'a', '9', 'a'.repeat(63)])('accepts %j', (name) => {
    expect(assertNodeName(name)).toBe(name);
  });
  it.each([...hostile, '-pve', 'pve-', 'pve.local', 'pve_1', 'a'.repeat(64), 'pve/../x', 'ö'])(
    'refuses %j',
    (value) => rejects(assertNodeName, value, 'node'),
  );
});

describe('assertSnapshotName', () => {
  it.each(['before-upgrade', 'snap_1', 'Daily', 'ab', 'Current', `a${'b'.repeat(39)}`])(
    'accepts %j',
    (name) => {
      expect(assertSnapshotName(name)).toBe(name);
    },
  );
  it.each([...hostile, 'a', '1snap', '_x', '-x', 'snap.1', 'snap name', `a${'b'.repeat(40)}`, 'current'])(
    'refuses %j',
    (value) => rejects(assertSnapshotName, value, 'snapname'),
  );
});

describe('assertStorageId', () => {
  it.each(['local', 'local-lvm', 'nfs.backup', 'pbs_1', 'Ceph2', 'ab'])('accepts %j', (id) => {
    expect(assertStorageId(id)).toBe(id);
  });
  it.each([...hostile, 'a', '1local', 'local-', 'local.', 'local:x', 'local/x', 's'.repeat(101)])(
    'refuses %j',
    (value) => rejects(assertStorageId, value, 'storage'),
  );
});

describe('assertVolumeId', () => {
  it.each([
    'local:backup/vzdump-lxc-100-2025_06_01-02_00_01.tar.zst',
    'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
    'local-lvm:vm-100-disk-0',
    'pbs:backup/ct/100/2025-01-01T00:00:00Z',
    'cephfs:iso/ubuntu-24.04+live.iso',
    'local-lvm:8',
  ])('accepts %j', (volid) => {
    expect(assertVolumeId(volid)).toBe(volid);
  });
  it.each([
    ...hostile,
    'local',
    ':vm-100-disk-0',
    'local:',
    'local:../../etc/shadow',
    'local:backup/../../x',
    'local:./x',
    'local:/etc/passwd',
    'local:backup/a b.tar',
    'local:backup/x;reboot',
    'local:backup/$(id).tar',
    'local:backup/x\n',
    'bad id:x',
    `local:${'x'.repeat(1100)}`,
  ])('refuses %j', (value) => rejects(assertVolumeId, value, 'volume'));
});
