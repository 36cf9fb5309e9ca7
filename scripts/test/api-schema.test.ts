import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeTrees, versionNote } from '../api-schema/merge.js';
import { translatePerlPattern } from '../api-schema/perl-pattern.js';
import { inlineNamedFormats, loadNamedFormats, loadTrees, repositoryRoot } from '../api-schema/trees.js';

const matches = (pattern: string, value: string): boolean => {
  const { source, flags } = translatePerlPattern(pattern);
  return new RegExp(source, flags).test(value);
};

describe('Perl patterns as PVE matches them (m/^$pattern$/)', () => {
  it('binds the anchors to the outer alternatives only, as the pasted ^…$ does', () => {
    expect(matches('ab|cd', 'abX')).toBe(true);
    expect(matches('ab|cd', 'Xcd')).toBe(true);
    expect(matches('ab|cd', 'XabX')).toBe(false);
    expect(matches('(?:ab|cd)', 'abX')).toBe(false);
  });

  it('reads \\d and \\w as Unicode classes, as Perl does on decoded strings', () => {
    expect(matches('\\d+', '٣٤')).toBe(true);
    expect(matches('\\w+', 'jö_1')).toBe(true);
    expect(matches('[\\w.-]+', 'a.b-ü')).toBe(true);
    expect(matches('\\d+', '12a')).toBe(false);
  });

  it('turns (?^i:…) into a caseless pattern, {,n} into {0,n}, and drops needless escapes', () => {
    expect(matches('(?^i:[a-z]+)', 'ABC')).toBe(true);
    expect(matches('[A-Za-z0-9\\-_\\s]{,8}', 'ab cd_-1')).toBe(true);
    expect(matches('[A-Za-z0-9\\-_\\s]{,8}', 'abcdefghi')).toBe(false);
    expect(matches('[A-Za-z][A-Za-z0-9\\-\\_]+', 'a_b')).toBe(true);
  });

  it('reads (?^u:…), how a qr// compiled under use v5.36 prints, by the same Unicode rules', () => {
    expect(matches('(?^u:(?^u:[a-z]+)(;(?^u:[a-z]+))*)', 'ab;cd')).toBe(true);
    expect(matches('(?^u:[a-z]+)', 'AB')).toBe(false);
    expect(matches('(?^u:\\w+)', 'jö')).toBe(true);
    expect(matches('(?^ui:[a-z]+)', 'AB')).toBe(true);
  });

  it('refuses to translate what it cannot translate exactly', () => {
    expect(() => translatePerlPattern('(?^x:a b)')).toThrow(/modifiers/);
    expect(() => translatePerlPattern('a(?^i:b)')).toThrow(/outside a caseless group/);
    expect(() => translatePerlPattern('\\p{L}')).toThrow(/escape/);
  });
});

describe('the merged endpoint list', () => {
  const endpoints = mergeTrees(loadTrees());

  it('has every endpoint of the three versions, each knowing the versions that have it', () => {
    expect(endpoints).toHaveLength(647);
    const glusterfs = endpoints.find((e) => e.path === '/nodes/{node}/scan/glusterfs');
    expect(glusterfs?.versions).toBe(1);
    const rules = endpoints.find((e) => e.method === 'GET' && e.path === '/cluster/ha/rules');
    expect(rules?.versions).toBe(6);
    expect(versionNote(6)).toBe('PVE 9.0+');
    expect(versionNote(1)).toBe('removed in PVE 9.0');
    expect(versionNote(3)).toBe('removed in PVE 9.1');
    expect(versionNote(5)).toBe('only in PVE 8.4, 9.1');
    expect(versionNote(4, 6)).toBe('PVE 9.1+');
  });

  it('marks as task-starting the 93 calls that answer a UPID, three of them with null as well', () => {
    const tasks = endpoints.filter((e) => e.returnKind !== 0);
    expect(tasks).toHaveLength(93);
    expect(
      tasks
        .filter((e) => e.returnKind === 2)
        .map((e) => `${e.method} ${e.path}`)
        .sort(),
    ).toEqual([
      'DELETE /nodes/{node}/storage/{storage}/content/{volume}',
      'POST /nodes/{node}/qemu/{vmid}/config',
    ]);
    expect(tasks.filter((e) => e.returnKind === 3).map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /nodes/{node}/vzdump',
    ]);
    const plainStrings = [
      'POST /nodes/{node}/qemu/{vmid}/monitor',
      'POST /cluster/sdn/lock',
      'POST /nodes/{node}/replication/{id}/schedule_now',
      'POST /nodes/{node}/storage/{storage}/content',
      'POST /nodes/{node}/wakeonlan',
      'POST /access/openid/auth-url',
    ];
    for (const key of plainStrings) {
      expect(endpoints.find((e) => `${e.method} ${e.path}` === key)?.returnKind, key).toBe(0);
    }
  });
});

describe('property strings PVE registers by name (scripts/api-schema/named-formats)', () => {
  const watchdog = { model: { type: 'string', default_key: 1, optional: 1 } };
  const named = new Map([['pve-qm-watchdog', watchdog]]);

  it('spells the keys out wherever the name stands: parameters, list items, alternatives', () => {
    const raw = {
      type: 'object',
      properties: {
        watchdog: { type: 'string', format: 'pve-qm-watchdog' },
        list: { type: 'array', items: { type: 'string', format: 'pve-qm-watchdog' } },
        either: { oneOf: [{ type: 'string', format: 'pve-qm-watchdog' }, { type: 'integer' }] },
        other: { type: 'string', format: 'pve-node' },
      },
    };
    const inlined = inlineNamedFormats(raw, named);
    expect(inlined.properties?.watchdog?.format).toEqual(watchdog);
    expect(inlined.properties?.list?.items?.format).toEqual(watchdog);
    expect(inlined.properties?.either?.oneOf?.[0]?.format).toEqual(watchdog);
    expect(inlined.properties?.other?.format).toBe('pve-node');
  });

  /** Every string `format` anywhere in `value`. */
  const formatNames = (value: unknown, into = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) for (const item of value) formatNames(item, into);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'format' && typeof item === 'string') into.add(item);
        formatNames(item, into);
      }
    }
    return into;
  };

  it('names only formats the published schemas use as a name', () => {
    const directory = join(repositoryRoot, 'data', 'pve-api');
    const used = new Set<string>();
    for (const file of readdirSync(directory))
      formatNames(JSON.parse(readFileSync(join(directory, file), 'utf8')), used);
    expect([...loadNamedFormats().keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it('leaves no transcribed name in the merged trees', () => {
    const left = new Set<string>();
    for (const tree of loadTrees().values()) for (const method of tree.values()) formatNames(method, left);
    expect([...loadNamedFormats().keys()].filter((name) => left.has(name))).toEqual([]);
  });
});
