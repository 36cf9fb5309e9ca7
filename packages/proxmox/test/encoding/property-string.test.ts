import { InvalidArgumentError, parsePropertyString, serializePropertyString } from '@felhom/proxmox';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const mpLayout = { defaultKey: 'volume', requiredKeys: ['mp'] };

describe('parsePropertyString', () => {
  it('reads key=value items in order', () => {
    expect(parsePropertyString('name=eth0,bridge=vmbr0,ip=dhcp')).toEqual({
      name: 'eth0',
      bridge: 'vmbr0',
      ip: 'dhcp',
    });
  });
  it('assigns an item without "=" to the default key', () => {
    expect(parsePropertyString('local-lvm:vm-100-disk-0,size=8G', { defaultKey: 'volume' })).toEqual({
      volume: 'local-lvm:vm-100-disk-0',
      size: '8G',
    });
    expect(parsePropertyString('volume=local:1,mp=/a', mpLayout)).toEqual({ volume: 'local:1', mp: '/a' });
  });
  it('splits at the first "=" so values may contain "="', () => {
    expect(parsePropertyString('prune-backups=keep-all=1')).toEqual({ 'prune-backups': 'keep-all=1' });
  });
  it('skips whitespace-only items, as PVE does', () => {
    expect(parsePropertyString('a=1,, ,b=2')).toEqual({ a: '1', b: '2' });
  });
  it.each([
    ['a=1,a=2', 'duplicate key'],
    ['x,y', "one 'volume'"],
    ['x,volume=y', 'duplicate key'],
    ['volume=y,x', "one 'volume'"],
    ['a=', 'a key and a value'],
    ['=b', 'a key and a value'],
    ['bare', 'no default key'],
  ])('refuses %j', (text, hint) => {
    const layout = text.includes('volume') || text === 'x,y' ? mpLayout : {};
    expect(() => parsePropertyString(text, layout, 'mp0')).toThrow(InvalidArgumentError);
    expect(() => parsePropertyString(text, layout, 'mp0')).toThrow(hint);
  });
});

describe('serializePropertyString', () => {
  it('writes the default key bare, then required keys, then the rest sorted (PVE order)', () => {
    expect(
      serializePropertyString(
        {
          size: '1G',
          replicate: '0',
          mp: '/opt/app',
          backup: '0',
          volume: 'local-lvm:vm-100-disk-0',
          quota: '1',
        },
        mpLayout,
      ),
    ).toBe('local-lvm:vm-100-disk-0,mp=/opt/app,backup=0,quota=1,replicate=0,size=1G');
  });
  it.each([
    [{ a: 'x,y' }, 'without ","'],
    [{ a: '' }, 'non-empty'],
    [{ a: '   ' }, 'non-empty'],
    [{ a: 'line\nbreak' }, 'control characters'],
    [{ a: 'nul\u0000' }, 'control characters'],
    [{ 'bad key': 'x' }, 'letters, digits'],
    [{ 'k=v': 'x' }, 'letters, digits'],
    [{ volume: 'a=b' }, 'without "="'],
  ])('refuses %j', (pairs, hint) => {
    expect(() => serializePropertyString(pairs, mpLayout, 'mp0')).toThrow(hint);
  });
});

const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
// Any printable value PVE can store: no ",", no control characters, not blank.
const value = fc.stringMatching(/^[!-+\--~][ -+\--~]{0,20}$/);
const defaultValue = fc.stringMatching(/^[!-+\--<>-~][ -+\--<>-~]{0,20}$/);

describe('property-string round trips', () => {
  it('parse(serialize(pairs)) returns the pairs', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 8 }),
        fc.option(defaultValue, { nil: undefined }),
        (pairs, volume) => {
          delete pairs.volume;
          const input = volume === undefined ? pairs : { ...pairs, volume };
          const text = serializePropertyString(input, mpLayout);
          expect(parsePropertyString(text, mpLayout)).toEqual(input);
        },
      ),
    );
  });
  it('serialize(parse(text)) returns a canonical text unchanged', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), defaultValue, (pairs, volume) => {
        delete pairs.volume;
        const canonical = serializePropertyString({ ...pairs, volume }, mpLayout);
        expect(serializePropertyString(parsePropertyString(canonical, mpLayout), mpLayout)).toBe(canonical);
      }),
    );
  });
});
