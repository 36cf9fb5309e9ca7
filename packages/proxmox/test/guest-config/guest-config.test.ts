import { type GuestConfigChanges, InvalidArgumentError } from '@felhom/proxmox';
import { encodeGuestConfig, parseGuestConfig, toRequestParams } from '@felhom/proxmox/encoding';
import { guestConfigSchema, parseResponse } from '@felhom/proxmox/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const digest = 'a3c24ce7f01e1051ddd0385e7a07de0ecd8106b7';

describe('parseGuestConfig', () => {
  it('types scalars, splits indexed keys and keeps unknown keys in extra', () => {
    const config = parseGuestConfig({
      digest,
      hostname: 'ct',
      cores: '2',
      cpulimit: '0.5',
      onboot: '1',
      template: 0,
      net0: 'name=eth0',
      net32: 'name=eth32',
      mp255: 'local:1,mp=/x',
      mp256: 'local:1,mp=/y',
      unused7: 'local-lvm:vm-100-disk-9',
      dev3: '/dev/ttyUSB0',
      'some-new-key': 'v',
      snaptime: 1700000000,
    });
    expect(config).toMatchObject({
      hostname: 'ct',
      cores: 2,
      cpulimit: 0.5,
      onboot: true,
      template: false,
      snaptime: 1700000000,
    });
    expect(Object.keys(config.nets)).toEqual(['0']);
    expect(config.mountPoints[255]).toEqual({ volume: 'local:1', mp: '/x' });
    expect(config.unused).toEqual({ 7: 'local-lvm:vm-100-disk-9' });
    expect(config.devices).toEqual({ 3: { path: '/dev/ttyUSB0' } });
    // Past PVE's limits (net32, mp256) the key is not an interface or mount point PVE would use.
    expect(config.extra).toEqual({ net32: 'name=eth32', mp256: 'local:1,mp=/y', 'some-new-key': 'v' });
    expect(config.features).toEqual({});
    expect(config.tags).toEqual([]);
    expect(config.lxc).toEqual([]);
  });
  it.each([
    [{ digest, cores: 'two' }, 'cores'],
    [{ digest, onboot: 'yes please' }, 'onboot'],
    [{ digest, cpulimit: 'fast' }, 'cpulimit'],
    [{ digest, net0: 5 }, 'net0'],
    [{ digest, features: 'nesting=2' }, 'features.nesting'],
  ])('names the key of an unreadable value %#', (raw, parameter) => {
    expect(() => parseGuestConfig(raw)).toThrow(expect.objectContaining({ parameter }));
  });
  it('refuses a config without digest or with a non-scalar value (schema)', () => {
    expect(() => parseResponse(guestConfigSchema, { hostname: 'x' }, 'GET config')).toThrow(
      expect.objectContaining({ fieldPath: 'data.digest' }),
    );
    expect(() => parseResponse(guestConfigSchema, { digest, hostname: { a: 1 } }, 'GET config')).toThrow(
      expect.objectContaining({ fieldPath: 'data.hostname' }),
    );
  });
});

describe('encodeGuestConfig + toRequestParams', () => {
  it('flattens typed changes into PVE parameters', () => {
    const params = toRequestParams(
      encodeGuestConfig({
        hostname: 'web',
        cores: 2,
        onboot: true,
        unprivileged: false,
        cpulimit: 1.5,
        description: undefined,
        tags: ['prod', 'web'],
        rootfs: { volume: 'local-lvm:8' },
        nets: { 0: { name: 'eth0', bridge: 'vmbr0', ip: 'dhcp', firewall: true } },
        mountPoints: { 2: { volume: 'local-lvm:32', mp: '/srv', backup: true } },
        devices: { 0: { path: '/dev/dri/renderD128', gid: 104 } },
        unused: { 1: 'local-lvm:vm-100-disk-3' },
        features: { nesting: true, keyctl: true },
        extra: { timezone: 'host', console: true },
      }),
    );
    expect(params).toEqual({
      hostname: 'web',
      cores: '2',
      onboot: '1',
      unprivileged: '0',
      cpulimit: '1.5',
      tags: 'prod;web',
      rootfs: 'local-lvm:8',
      net0: 'name=eth0,bridge=vmbr0,firewall=1,ip=dhcp',
      mp2: 'local-lvm:32,mp=/srv,backup=1',
      dev0: '/dev/dri/renderD128,gid=104',
      unused1: 'local-lvm:vm-100-disk-3',
      features: 'keyctl=1,nesting=1',
      timezone: 'host',
      console: '1',
    });
  });
  it('round-trips through parseGuestConfig', () => {
    const changes: GuestConfigChanges = {
      hostname: 'db',
      memory: 2048,
      protection: true,
      tags: ['db'],
      rootfs: { volume: 'local-lvm:vm-101-disk-0', size: '16G' },
      nets: {
        0: { name: 'eth0', bridge: 'vmbr0', ip: '192.0.2.5/24', gw: '192.0.2.1' },
        31: { name: 'eth31' },
      },
      features: { nesting: true },
    };
    const config = parseGuestConfig({ digest, ...toRequestParams(encodeGuestConfig(changes)) });
    expect(config).toMatchObject(changes);
  });
  it.each([
    [{ nets: { 32: { name: 'eth32' } } }, 'nets[32]'],
    [{ mountPoints: { 256: { volume: 'a:1', mp: '/a' } } }, 'mountPoints[256]'],
    [{ devices: { '-1': { path: '/dev/x' } } }, 'devices[-1]'],
    [{ unused: { '01': 'a:b' } }, 'unused[01]'],
    [{ tags: ['ok', 'not ok'] }, 'tags'],
    [{ tags: ['a;b'] }, 'tags'],
    [{ nets: { 0: { name: 'eth0', ip: 'dhcp,gw=1.1.1.1' } } }, 'net0.ip'],
  ] as [GuestConfigChanges, string][])('refuses %j', (changes, parameter) => {
    expect(() => encodeGuestConfig(changes)).toThrow(expect.objectContaining({ parameter }));
  });
});

describe('toRequestParams', () => {
  it('writes booleans as 1/0, joins lists and drops undefined and empty lists', () => {
    expect(
      toRequestParams({
        restore: true,
        force: false,
        vmid: [100, 101],
        delete: [],
        start: undefined,
        storage: 'local',
      }),
    ).toEqual({
      restore: '1',
      force: '0',
      vmid: '100,101',
      storage: 'local',
    });
  });
  it.each([
    [{ n: Number.NaN }, 'n'],
    [{ n: Number.POSITIVE_INFINITY }, 'n'],
    [{ delete: ['mp0,net1'] }, 'delete'],
    [{ delete: [''] }, 'delete'],
    [{ o: { a: 1 } as unknown as string }, 'o'],
    [{ o: null as unknown as string }, 'o'],
  ])('refuses %j', (params, parameter) => {
    expect(() => toRequestParams(params)).toThrow(InvalidArgumentError);
    expect(() => toRequestParams(params)).toThrow(expect.objectContaining({ parameter }));
  });
  it('encodes every scalar so PVE reads it back', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.boolean(), fc.integer(), fc.string())),
        (params) => {
          const out = toRequestParams(params);
          for (const [key, value] of Object.entries(params)) {
            const expected = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
            expect(out[key]).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('what the SDK writes, it reads back', () => {
  it.each(['\u2028', '\u2029', '\u0085'])(
    'a mount path holding U+%s round-trips through the config',
    (separator) => {
      const mountPoint = { volume: 'local-lvm:vm-100-disk-1', mp: `/srv/data${separator}2026`, backup: true };
      const sent = toRequestParams(encodeGuestConfig({ mountPoints: { 0: mountPoint } }));
      const read = parseResponse(guestConfigSchema, { digest: 'a'.repeat(40), ...sent }, 'GET /config');
      expect(read.mountPoints[0]).toEqual(mountPoint);
    },
  );

  it('a __proto__ key in a property string is a ResponseShapeError naming the config key', () => {
    expect(() =>
      parseResponse(
        guestConfigSchema,
        { digest: 'a'.repeat(40), net0: 'name=eth0,__proto__=x' },
        'GET /nodes/pve/lxc/100/config',
      ),
    ).toThrow(expect.objectContaining({ reason: 'shape', fieldPath: 'data.net0' }));
  });
});
