import { APIError, isProxmoxError, TLSPinError } from '@felhom/proxmox';
import { parsePermissionDenial, reasonFromStatus } from '@felhom/proxmox/errors';
import { classifyExitStatus } from '@felhom/proxmox/tasks';
import { describe, expect, it } from 'vitest';

describe('reasonFromStatus', () => {
  it.each([
    [401, '', 'auth'],
    [403, 'Permission check failed', 'permission'],
    [595, 'Connection refused', 'node-unreachable'],
    [596, 'tls handshake failed', 'node-unreachable'],
    [599, 'Connection timed out', 'node-unreachable'],
    [500, "Configuration file 'nodes/pve/lxc/101.conf' does not exist", 'not-found'],
    [500, "snapshot 'x' does not exist", 'not-found'],
    [500, 'detected modified configuration - file changed by other user? Try again.', 'conflict'],
    [500, "CT 100 already exists on node 'pve'", 'conflict'],
    [500, "snapshot name 'x' already used", 'conflict'],
    [500, "can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout", 'locked'],
    [500, 'CT is locked (backup)', 'locked'],
    [500, 'VM is locked (snapshot)', 'locked'],
    [
      500,
      "hostname lookup 'pve9' failed - failed to get address info for: pve9: Name or service not known",
      'server',
    ],
    [501, "Method 'GET /nope' not implemented", 'server'],
    [400, 'Parameter verification failed.', 'bad-request'],
    [404, '', 'not-found'],
  ] as const)('%d %j → %s', (status, message, reason) => {
    expect(reasonFromStatus(status, message)).toBe(reason);
  });
});

describe('parsePermissionDenial', () => {
  it('finds the check inside a task error line', () => {
    expect(
      parsePermissionDenial(
        'TASK ERROR: unable to create CT 105 - Permission check failed (/storage/local, Datastore.AllocateSpace)',
      ),
    ).toEqual({
      kind: 'privilege',
      path: '/storage/local',
      privileges: ['Datastore.AllocateSpace'],
      anyOf: false,
    });
  });

  it('reads the root ACL path', () => {
    expect(parsePermissionDenial('Permission check failed (/, Sys.Modify)')).toMatchObject({
      path: '/',
      privileges: ['Sys.Modify'],
    });
  });

  it('recognises a root-only text without the prefix', () => {
    expect(
      parsePermissionDenial('TASK ERROR: configuring device passthrough is only allowed for root@pam'),
    ).toEqual({
      kind: 'root-only',
      detail: 'configuring device passthrough is only allowed for root@pam',
    });
  });

  it('returns undefined for text without a permission failure', () => {
    expect(parsePermissionDenial('TASK ERROR: command failed: exit code 4')).toBeUndefined();
  });

  it("reads the lower-case form of Proxmox's Rust REST server, bare and with a check", () => {
    expect(parsePermissionDenial('permission check failed')).toEqual({ kind: 'unspecified' });
    expect(parsePermissionDenial('permission check failed (/vms/100, VM.Audit)')).toEqual({
      kind: 'privilege',
      path: '/vms/100',
      privileges: ['VM.Audit'],
      anyOf: false,
    });
  });

  it('gives a 403 with the lower-case text its permission and reason', () => {
    const error = new APIError({
      status: 403,
      method: 'GET',
      path: '/version',
      hostMessage: 'permission check failed',
    });
    expect(error.reason).toBe('permission');
    expect(error.permission).toEqual({ kind: 'unspecified' });
  });

  it('reads (user != null) as other', () => {
    expect(parsePermissionDenial('Permission check failed (user != null)')).toEqual({
      kind: 'other',
      detail: 'user != null',
    });
  });
});

describe('classifyExitStatus', () => {
  it.each([
    ['OK', { outcome: 'ok' }],
    ['WARNINGS: 2', { outcome: 'warning', warnings: 2 }],
    ['WARNINGS: x', { outcome: 'error' }],
    ['unexpected status', { outcome: 'error' }],
    ['', { outcome: 'error' }],
    ['job errors', { outcome: 'error' }],
  ] as const)('%j', (status, expected) => {
    expect(classifyExitStatus(status)).toEqual(expected);
  });
});

describe('error objects', () => {
  it('brands errors so a second copy of the package still recognises them', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@felhom/proxmox/ProxmoxError')]: true });
    expect(isProxmoxError(foreign)).toBe(true);
    expect(isProxmoxError(new Error('x'))).toBe(false);
  });

  it('names each class, also after minification', () => {
    const api = new APIError({
      status: 403,
      method: 'GET',
      path: '/nodes',
      hostMessage: 'Permission check failed',
    });
    expect(api.name).toBe('APIError');
    expect(new TLSPinError({ expected: 'AA', presented: 'BB', host: 'h:1' }).name).toBe('TLSPinError');
  });

  it('shapes the APIError message as "what failed: METHOD /path — host said …"', () => {
    const error = new APIError({
      status: 400,
      method: 'POST',
      path: '/nodes/pve/lxc',
      hostMessage: 'Parameter verification failed.\n',
      errors: { vmid: 'invalid format - value does not look like a valid VM ID\n' },
    });
    expect(error.message).toBe(
      'Proxmox API request failed: POST /nodes/pve/lxc — host said 400 Parameter verification failed. ' +
        '(vmid: invalid format - value does not look like a valid VM ID)',
    );
  });
});
