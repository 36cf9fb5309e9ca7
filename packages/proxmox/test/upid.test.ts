import { formatUPID, parseUPID, UPIDParseError } from '@felhom/proxmox';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../test-support/property-runs.js';

describe('parseUPID', () => {
  it('parses a PVE UPID into typed fields', () => {
    const upid = parseUPID('UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:');
    expect(upid).toEqual({
      kind: 'pve',
      node: 'pve',
      pid: 0xa1b2,
      pstart: 0xc0ffee,
      starttime: new Date(0x6750a3c1 * 1000),
      type: 'vzdump',
      id: '100',
      user: 'root@pam',
      raw: 'UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:',
    });
  });

  it('decodes a 9-digit pstart (uptime beyond about 497 days)', () => {
    const upid = parseUPID('UPID:node1:00001234:FFFFFFFFF:6750A3C1:vzstart:101:root@pam:');
    expect(upid.pstart).toBe(68_719_476_735);
  });

  it('accepts an empty id (aptupdate, multi-guest vzdump)', () => {
    expect(parseUPID('UPID:pve:00001234:00005678:6750A3C1:aptupdate::root@pam:').id).toBe('');
  });

  it('splits a token user into user and tokenId (pve-common test vector)', () => {
    const raw =
      'UPID:example-node:000934AF:0D015579:68BF3A41:vzdump:100:91a1da29-a47d-11f0-84e0-fafbfc944d00@pam!some-token:';
    const upid = parseUPID(raw);
    expect(upid.user).toBe('91a1da29-a47d-11f0-84e0-fafbfc944d00@pam');
    expect(upid.tokenId).toBe('some-token');
    expect(formatUPID(upid)).toBe(raw);
  });

  it('keeps ids with @ . - (imgdel on a storage)', () => {
    expect(parseUPID('UPID:pve:00001234:00005678:6750A3C1:imgdel:100@local:felhom@pve!agent:').id).toBe(
      '100@local',
    );
  });

  it('parses the Backup Server form with its task-id field and systemd-escaped id', () => {
    const raw =
      'UPID:backup-srv:00130F49:1A12D8375:00001CD7:657A2258:verificationjob:daily\\x3av\\x2dd0cc18c5\\x2d8707:root@pam:';
    const upid = parseUPID(raw);
    expect(upid.kind).toBe('pbs');
    expect(upid.taskId).toBe(0x1cd7);
    expect(upid.pstart).toBe(0x1a12d8375);
    expect(upid.type).toBe('verificationjob');
    expect(upid.id).toBe('daily\\x3av\\x2dd0cc18c5\\x2d8707');
    expect(formatUPID(upid)).toBe(raw);
  });

  it('accepts lower-case hex and keeps the original text in raw', () => {
    const upid = parseUPID('UPID:pve:0000a1b2:00c0ffee:6750a3c1:vzdump:100:root@pam:');
    expect(upid.pid).toBe(0xa1b2);
    expect(upid.raw).toBe('UPID:pve:0000a1b2:00c0ffee:6750a3c1:vzdump:100:root@pam:');
    expect(formatUPID(upid)).toBe('UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:');
  });

  it.each([
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam', 'format'],
    ['UPIX:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:', 'format'],
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:root@pam:', 'format'],
    ['UPID:-pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:', 'node'],
    ['UPID:pve.example.com:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:', 'node'],
    ['UPID:pve:A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:', 'pid'],
    ['UPID:pve:0000A1B2:0C0FFEE:6750A3C1:vzdump:100:root@pam:', 'pstart'],
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3CG:vzdump:100:root@pam:', 'starttime'],
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vz dump:100:root@pam:', 'type'],
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3C1::100:root@pam:', 'type'],
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:10/0:root@pam:', 'id'],
    ['UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100::', 'user'],
    ['UPID:pbs:0000A1B2:00C0FFEE:0000000Z:6750A3C1:garbage_collection::root@pam:', 'taskId'],
  ] as const)('rejects %s naming the %s field', (text, field) => {
    const error = (() => {
      try {
        parseUPID(text);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UPIDParseError);
    expect((error as UPIDParseError).field).toBe(field);
    expect((error as UPIDParseError).message).toContain(field);
  });
});

// Generators for valid UPIDs in PVE's canonical form (what hosts emit: %08X upper-case hex).
const label = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?$/);
const hexNumber = (max: number) => fc.integer({ min: 0, max });
const pveName = fc.stringMatching(/^[^:\s/]{1,20}$/);
const pveId = fc.stringMatching(/^[^:\s/]{0,20}$/);
const realm = fc.stringMatching(/^[A-Za-z][A-Za-z0-9.\-_]{1,10}$/);
const userName = fc.stringMatching(/^[^:\s/@!]{1,12}$/);
const authId = fc
  .tuple(userName, realm, fc.option(realm, { nil: undefined }))
  .map(([user, userRealm, token]) => `${user}@${userRealm}${token === undefined ? '' : `!${token}`}`);
const hex = (value: number, width = 8) => value.toString(16).toUpperCase().padStart(width, '0');

const pveUPID = fc
  .record({
    node: label,
    pid: hexNumber(0xffffffff),
    pstart: hexNumber(0xfffffffff),
    starttime: hexNumber(0xffffffff),
    type: pveName,
    id: pveId,
    user: fc.oneof(authId, pveName),
  })
  .map(
    (f) => `UPID:${f.node}:${hex(f.pid)}:${hex(f.pstart)}:${hex(f.starttime)}:${f.type}:${f.id}:${f.user}:`,
  );

const pbsUPID = fc
  .record({
    node: label,
    pid: hexNumber(0xffffffff),
    pstart: hexNumber(0xfffffffff),
    taskId: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    starttime: hexNumber(0xffffffff),
    type: fc.stringMatching(/^[^:\s]{1,20}$/),
    id: fc.stringMatching(/^[^:\s]{0,20}$/),
    user: authId,
  })
  .map(
    (f) =>
      `UPID:${f.node}:${hex(f.pid)}:${hex(f.pstart)}:${hex(f.taskId)}:${hex(f.starttime)}:${f.type}:${f.id}:${f.user}:`,
  );

describe('UPID properties', () => {
  it('round-trips every generated valid PVE UPID exactly', () => {
    fc.assert(
      fc.property(pveUPID, (text) => {
        const upid = parseUPID(text);
        expect(upid.kind).toBe('pve');
        expect(formatUPID(upid)).toBe(text);
      }),
      { numRuns: propertyRuns(2_000) },
    );
  });

  it('round-trips every generated valid PBS UPID exactly', () => {
    fc.assert(
      fc.property(pbsUPID, (text) => {
        const upid = parseUPID(text);
        expect(upid.kind).toBe('pbs');
        expect(formatUPID(upid)).toBe(text);
      }),
      { numRuns: propertyRuns(1_000) },
    );
  });

  it('agrees with the PVE Perl regex and the PBS Rust regex on which strings are valid', () => {
    const perl =
      /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;
    // A field holding ':' makes 8 fields, which is a Backup Server UPID when they fit its grammar
    // (proxmox-rs upid.rs; docs/pve-behaviour.md#backup-server-upids): the parser accepts those
    // too, on purpose.
    const pbs =
      /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8,16}):([0-9A-Fa-f]{8}):([^:\s]+):([^:\s]*):([^:\s]+):$/;
    const field = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('0000ABCD', '00C0FFEE1', 'pve', '', 'a b'),
    );
    fc.assert(
      fc.property(fc.array(field, { minLength: 7, maxLength: 7 }), (fields) => {
        const text = `UPID:${fields.join(':')}:`;
        let parsed = true;
        try {
          parseUPID(text);
        } catch (error) {
          if (!(error instanceof UPIDParseError)) throw error;
          parsed = false;
        }
        expect(parsed).toBe(perl.test(text) || pbs.test(text));
      }),
      { numRuns: propertyRuns(5_000) },
    );
  });

  it('throws nothing but UPIDParseError for 100k arbitrary strings', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.string({ maxLength: 12 }), { maxLength: 10 }).map((parts) => `UPID:${parts.join(':')}:`),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          const upid = parseUPID(text);
          expect(upid.raw).toBe(text);
        } catch (error) {
          expect(error).toBeInstanceOf(UPIDParseError);
        }
      }),
      { numRuns: propertyRuns(100_000) },
    );
  });
});
