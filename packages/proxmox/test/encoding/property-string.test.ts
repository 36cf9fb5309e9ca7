import { InvalidArgumentError } from '@felhom/proxmox';
import { parsePropertyString, serializePropertyString } from '@felhom/proxmox/encoding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../test-support/property-runs.js';

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

describe('parser and serializer agree on every code point', () => {
  // One code point (or a lone surrogate) placed inside an otherwise ordinary value.
  const codePoint = fc.oneof(
    fc.integer({ min: 0, max: 0x10ffff }).map((point) => String.fromCodePoint(point)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
    fc.constantFrom('\u2028', '\u2029', '\u0085', '\u00a0', '\ufeff', '=', ',', '\u007f', '\t', ' '),
  );

  it('a value the serializer writes is read back unchanged, and one it refuses the parser refuses', () => {
    fc.assert(
      fc.property(codePoint, fc.boolean(), (inserted, asDefault) => {
        const value = `/srv/a${inserted}b`;
        const pairs = asDefault ? { volume: value, mp: '/x' } : { volume: 'local:1', mp: value };
        let written: string | undefined;
        try {
          written = serializePropertyString(pairs, mpLayout, 'mp0');
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
        }
        const text = asDefault ? `${value},mp=/x` : `local:1,mp=${value}`;
        if (written === undefined) {
          // What cannot be written cannot be read either (a `,` merely splits the item: the
          // text then holds another item, which the parser must refuse or read differently).
          let parsed: Record<string, string> | undefined;
          try {
            parsed = parsePropertyString(text, mpLayout, 'mp0');
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidArgumentError);
          }
          if (parsed) expect(parsed).not.toEqual(pairs);
        } else {
          expect(written).toBe(text);
          expect(parsePropertyString(written, mpLayout, 'mp0')).toEqual(pairs);
        }
      }),
      { numRuns: propertyRuns(20_000) },
    );
  });

  it('reads a mount path with U+2028 or U+2029 that it wrote', () => {
    for (const separator of ['\u2028', '\u2029']) {
      const pairs = { volume: 'local-lvm:vm-100-disk-1', mp: `/srv/a${separator}b` };
      expect(parsePropertyString(serializePropertyString(pairs, mpLayout), mpLayout)).toEqual(pairs);
    }
  });

  it.each(['__proto__', 'constructor=x,__proto__', '_hidden', 'bad key'])(
    'refuses the key in %j instead of dropping it silently',
    (key) => {
      const text = `local:1,mp=/a,${key.includes('=') ? key : `${key}=x`}`;
      expect(() => parsePropertyString(text, mpLayout, 'mp0')).toThrow(InvalidArgumentError);
    },
  );

  it('keeps a key such as constructor as a plain own property, never as a prototype', () => {
    const parsed = parsePropertyString('local:1,mp=/a,constructor=x', mpLayout);
    expect(parsed.constructor).toBe('x');
    expect(Object.getPrototypeOf(Object.assign({}, parsed))).toBe(Object.prototype);
  });
});
