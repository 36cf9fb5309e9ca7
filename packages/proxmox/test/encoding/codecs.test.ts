import { InvalidArgumentError } from '@felhom/proxmox';
import {
  type DeviceConfig,
  type FeaturesConfig,
  type MountPointConfig,
  type NetConfig,
  parseDevice,
  parseFeatures,
  parseMountPoint,
  parseNet,
  parseRootFs,
  parseUnused,
  serializeDevice,
  serializeFeatures,
  serializeMountPoint,
  serializeNet,
  serializeRootFs,
  serializeUnused,
} from '@felhom/proxmox/encoding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('typed property strings', () => {
  it('reads a net interface written by PVE and writes it back identically', () => {
    const text = 'name=eth0,bridge=vmbr0,hwaddr=D2:86:76:35:0D:3E,ip=dhcp,ip6=dhcp,type=veth';
    const net = parseNet(text, 'net0');
    expect(net).toEqual({
      name: 'eth0',
      bridge: 'vmbr0',
      hwaddr: 'D2:86:76:35:0D:3E',
      ip: 'dhcp',
      ip6: 'dhcp',
      type: 'veth',
    });
    expect(serializeNet(net)).toBe(text);
  });
  it('writes booleans as 1/0 and multi-word keys in PVE spelling', () => {
    expect(
      serializeNet({ name: 'eth0', firewall: true, linkDown: false, hostManaged: true, trunks: [10, 20] }),
    ).toBe('name=eth0,firewall=1,host-managed=1,link_down=0,trunks=10;20');
    expect(serializeFeatures({ nesting: true, keyctl: true, forceRwSys: false })).toBe(
      'force_rw_sys=0,keyctl=1,nesting=1',
    );
    expect(serializeDevice({ path: '/dev/dri/renderD128', denyWrite: true, gid: 104 })).toBe(
      '/dev/dri/renderD128,deny-write=1,gid=104',
    );
  });
  it('reads PVE boolean spellings', () => {
    expect(parseFeatures('nesting=on,keyctl=Yes,fuse=false,mknod=OFF')).toEqual({
      nesting: true,
      keyctl: true,
      fuse: false,
      mknod: false,
    });
  });
  it('reads mount points and rootfs with the volume default key', () => {
    expect(
      parseMountPoint('local-lvm:vm-100-disk-0,mp=/opt/app,backup=0,quota=1,replicate=0,size=1G'),
    ).toEqual({
      volume: 'local-lvm:vm-100-disk-0',
      mp: '/opt/app',
      backup: false,
      quota: true,
      replicate: false,
      size: '1G',
    });
    expect(parseRootFs('volume=local-lvm:8,mountoptions=noatime;discard')).toEqual({
      volume: 'local-lvm:8',
      mountoptions: ['noatime', 'discard'],
    });
    expect(serializeRootFs({ volume: 'local-lvm:8', acl: true })).toBe('local-lvm:8,acl=1');
    expect(parseUnused('local-lvm:vm-100-disk-2')).toEqual({ volume: 'local-lvm:vm-100-disk-2' });
    expect(serializeUnused({ volume: 'local-lvm:vm-100-disk-2' })).toBe('local-lvm:vm-100-disk-2');
  });
  it('keeps unknown keys in extra and writes them back sorted', () => {
    const net = parseNet('name=eth0,zz-new=1,bridge=vmbr0');
    expect(net).toEqual({ name: 'eth0', bridge: 'vmbr0', extra: { 'zz-new': '1' } });
    expect(serializeNet(net)).toBe('name=eth0,bridge=vmbr0,zz-new=1');
  });
  it.each([
    [() => parseNet('bridge=vmbr0', 'net0'), 'net0', 'with name'],
    [() => parseMountPoint('local:1', 'mp3'), 'mp3', 'with mp'],
    [() => parseMountPoint('mp=/a', 'mp3'), 'mp3', 'with volume'],
    [() => parseNet('name=eth0,mtu=big', 'net1'), 'net1.mtu', 'an integer'],
    [() => parseNet('name=eth0,rate=fast', 'net1'), 'net1.rate', 'a number'],
    [() => parseFeatures('nesting=maybe'), 'features.nesting', 'a boolean'],
    [() => serializeNet({ name: 'eth0', mtu: 1.5 }, 'net0'), 'net0.mtu', 'a safe integer'],
    [() => serializeNet({ name: 'eth0', bridge: 'vmbr0,ip=1.2.3.4' }, 'net0'), 'net0.bridge', 'without ","'],
    [() => serializeNet({ bridge: 'vmbr0' } as NetConfig, 'net0'), 'net0.name', 'requires name'],
    [() => serializeNet({ name: 'eth0', bogus: 1 } as unknown as NetConfig, 'net0'), 'net0.bogus', 'fields'],
    [
      () => serializeNet({ name: 'eth0', extra: { bridge: 'x' } }, 'net0'),
      'net0.extra.bridge',
      'do not cover',
    ],
    [() => serializeFeatures({ mount: ['nfs;cifs'] }), 'features.mount', 'no ";"'],
    [() => serializeMountPoint({ volume: 'a=b', mp: '/x' }, 'mp0'), 'mp0.volume', 'without "="'],
    [() => serializeNet(null as unknown as NetConfig, 'net0'), 'net0', 'object'],
  ])('refuses bad input %#', (run, parameter, hint) => {
    try {
      run();
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).parameter).toBe(parameter);
      expect((error as Error).message).toContain(hint);
    }
  });
  it('drops an empty list instead of writing an unreadable key=', () => {
    expect(serializeFeatures({ nesting: true, mount: [] })).toBe('nesting=1');
  });
});

// Generators for values PVE can store in a property string.
const token = fc.stringMatching(/^[A-Za-z0-9_./:-]{1,16}$/);
const volume = fc.stringMatching(/^[A-Za-z0-9_./:-]{1,24}$/);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const extra = opt(fc.dictionary(fc.stringMatching(/^x-[a-z]{1,6}$/), token, { minKeys: 1, maxKeys: 2 }));

/** Drops undefined fields, as a parsed object has none. */
function defined<TOut>(value: object): TOut {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as TOut;
}

const netArb: fc.Arbitrary<NetConfig> = fc
  .record({
    name: fc.stringMatching(/^eth[0-9]{1,2}$/),
    bridge: opt(fc.stringMatching(/^vmbr[0-9]{1,3}$/)),
    firewall: opt(fc.boolean()),
    gw: opt(fc.ipV4()),
    hostManaged: opt(fc.boolean()),
    hwaddr: opt(token),
    ip: opt(fc.constantFrom('dhcp', 'manual', '192.0.2.10/24')),
    ip6: opt(fc.constantFrom('auto', 'dhcp', 'fd00::5/64')),
    linkDown: opt(fc.boolean()),
    mtu: opt(fc.integer({ min: 64, max: 65535 })),
    rate: opt(fc.double({ min: 0, max: 10000, noNaN: true })),
    tag: opt(fc.integer({ min: 1, max: 4094 })),
    trunks: opt(fc.array(fc.integer({ min: 1, max: 4094 }), { minLength: 1, maxLength: 4 })),
    type: opt(fc.constant('veth')),
    extra,
  })
  .map((value) => defined<NetConfig>(value));

const mountPointArb: fc.Arbitrary<MountPointConfig> = fc
  .record({
    volume,
    mp: fc.stringMatching(/^\/[a-z0-9/_-]{0,20}$/),
    acl: opt(fc.boolean()),
    backup: opt(fc.boolean()),
    mountoptions: opt(
      fc.subarray(['discard', 'lazytime', 'noatime', 'nodev', 'noexec', 'nosuid'], { minLength: 1 }),
    ),
    quota: opt(fc.boolean()),
    replicate: opt(fc.boolean()),
    ro: opt(fc.boolean()),
    shared: opt(fc.boolean()),
    size: opt(fc.stringMatching(/^[1-9][0-9]{0,3}[KMGT]?$/)),
    extra,
  })
  .map((value) => defined<MountPointConfig>(value));

const featuresArb: fc.Arbitrary<FeaturesConfig> = fc
  .record({
    forceRwSys: opt(fc.boolean()),
    fuse: opt(fc.boolean()),
    keyctl: opt(fc.boolean()),
    mknod: opt(fc.boolean()),
    mount: opt(
      fc.array(
        fc.stringMatching(/^[a-z0-9_ ]{1,8}$/).filter((s) => s.trim() !== ''),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    nesting: opt(fc.boolean()),
    extra,
  })
  .map((value) => defined<FeaturesConfig>(value));

const deviceArb: fc.Arbitrary<DeviceConfig> = fc
  .record({
    path: opt(fc.stringMatching(/^\/dev\/[a-z0-9/]{1,16}$/)),
    denyWrite: opt(fc.boolean()),
    gid: opt(fc.nat()),
    uid: opt(fc.nat()),
    mode: opt(fc.stringMatching(/^0[0-7]{3}$/)),
    extra,
  })
  .map((value) => defined<DeviceConfig>(value));

describe.each([
  ['net', netArb, serializeNet, parseNet],
  ['mount point', mountPointArb, serializeMountPoint, parseMountPoint],
  [
    'rootfs',
    mountPointArb.map(({ mp: _mp, backup: _backup, ...rootfs }) => rootfs),
    serializeRootFs,
    parseRootFs,
  ],
  ['features', featuresArb, serializeFeatures, parseFeatures],
  ['device', deviceArb, serializeDevice, parseDevice],
] as const)('%s round trips', (_name, arb, serialize, parse) => {
  const write = serialize as (value: unknown) => string;
  const read = parse as (text: string) => unknown;
  it('parse(serialize(object)) returns the object', () => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<unknown>, (value) => {
        expect(read(write(value))).toEqual(value);
      }),
    );
  });
  it('serialize(parse(text)) returns a canonical text unchanged', () => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<unknown>, (value) => {
        const canonical = write(value);
        expect(write(read(canonical))).toBe(canonical);
      }),
    );
  });
});
