import { describe, expect, it } from 'vitest';
import {
  effectivePrivileges,
  normalizeAclPath,
  privilegesBelow,
} from '../../src/privileges/acl-evaluation.js';
import { scopedToGuest100 } from './fixtures.js';

describe('ACL evaluation of a GET /access/permissions dump', () => {
  it('normalises paths like PVE does', () => {
    expect(normalizeAclPath('//vms//100/')).toBe('/vms/100');
    expect(normalizeAclPath('/')).toBe('/');
    expect(normalizeAclPath('')).toBe('/');
  });

  it('takes a listed path as it is, propagate flag 0 included', () => {
    const onGuest = effectivePrivileges(scopedToGuest100, '/vms/100');
    expect(onGuest.has('VM.Snapshot')).toBe(true);
    // The ACL on /vms/100 replaced what /vms propagated (PVE: roles set on a path replace inherited ones).
    expect(onGuest.has('Sys.Audit')).toBe(false);
  });

  it('lets an unlisted path inherit only propagated privileges of its nearest listed ancestor', () => {
    const other = effectivePrivileges(scopedToGuest100, '/vms/200');
    expect(other.has('VM.Audit')).toBe(true);
    expect(other.has('VM.Snapshot')).toBe(false);
    // /vms/100 does not propagate to its (hypothetical) children.
    expect(effectivePrivileges(scopedToGuest100, '/vms/100/x').has('VM.Snapshot')).toBe(false);
    expect(effectivePrivileges(scopedToGuest100, '/sdn/zones/localnetwork/vmbr1').has('SDN.Use')).toBe(false);
  });

  it('skips an ancestor whose roles do not propagate and keeps looking higher', () => {
    const dump = { '/': { 'VM.Audit': 1 }, '/vms': { 'VM.PowerMgmt': 0 } } as const;
    const below = effectivePrivileges(dump, '/vms/300');
    expect([...below]).toEqual(['VM.Audit']);
    expect([...effectivePrivileges(dump, '/vms')]).toEqual(['VM.PowerMgmt']);
  });

  it('accepts JSON booleans as propagate flags', () => {
    const dump = { '/': { 'Sys.Audit': true, 'VM.Audit': false } };
    expect([...effectivePrivileges(dump, '/nodes/pve1')]).toEqual(['Sys.Audit']);
  });

  it('finds privileges held on at least one object below a prefix', () => {
    expect(privilegesBelow(scopedToGuest100, '/vms').has('VM.Snapshot')).toBe(true);
    expect(privilegesBelow(scopedToGuest100, '/storage').has('Datastore.AllocateSpace')).toBe(true);
    expect(privilegesBelow(scopedToGuest100, '/nodes').has('VM.PowerMgmt')).toBe(false);
    expect(privilegesBelow({}, '/vms').size).toBe(0);
  });
});
