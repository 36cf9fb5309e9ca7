import { ProxmoxClient, parseUPID } from '@felhom/proxmox';
import { requiredPrivileges } from '@felhom/proxmox/privileges';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/operations/index.js';
import type { APIRequester } from '../../src/tasks/requester.js';

// The table of operations is the one home of every typed method: the client's methods and the
// privilege table are derived from it, so nothing can fall out of step.

const ownMembers = new Set(['constructor', 'request']);
/** Where the generated typed methods live: the class ProxmoxClient extends. */
const methodsPrototype = Object.getPrototypeOf(ProxmoxClient.prototype) as object;

describe('the table of operations', () => {
  it('gives the client exactly one method per operation, and no other typed method', () => {
    const methods = Object.getOwnPropertyNames(methodsPrototype).filter((name) => !ownMembers.has(name));
    expect(methods.sort()).toEqual(Object.keys(operations).sort());
    expect(Object.keys(requiredPrivileges).sort()).toEqual(Object.keys(operations).sort());
  });

  it('makes them real methods: named, not enumerable, overridable as methods in a subclass', () => {
    const descriptor = Object.getOwnPropertyDescriptor(methodsPrototype, 'listLXC');
    expect(descriptor?.enumerable).toBe(false);
    expect(ProxmoxClient.prototype.listLXC.name).toBe('listLXC');
    class Tracing extends ProxmoxClient {
      override listLXC(node: string) {
        return super.listLXC(`${node}`);
      }
    }
    expect(Tracing.prototype.listLXC).not.toBe(ProxmoxClient.prototype.listLXC);
  });

  it('takes each single-request endpoint from the definition, with the method first', () => {
    expect(requiredPrivileges.rollback.endpoints).toEqual([
      { method: 'POST', path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback' },
    ]);
    expect(requiredPrivileges.waitTask.endpoints.map((e) => e.path)).toEqual([
      '/nodes/{node}/tasks/{upid}/status',
      '/nodes/{node}/tasks/{upid}/log',
    ]);
  });

  it('marks exactly the methods that start a task as returning a UPID', () => {
    const upidMethods = Object.entries(operations)
      .filter(([, operation]) => operation.returnsUPID)
      .map(([name]) => name)
      .sort();
    expect(upidMethods).toEqual(
      [
        'deleteSnapshot',
        'deleteVMSnapshot',
        'migrate',
        'reboot',
        'rebootVM',
        'resize',
        'restoreLXC',
        'restoreVM',
        'rollback',
        'rollbackVM',
        'shutdown',
        'shutdownVM',
        'snapshot',
        'snapshotVM',
        'start',
        'startVM',
        'stop',
        'stopVM',
        'vzdump',
      ].sort(),
    );
  });

  it('runs against any requester: validates first, fills the path, sends the body', async () => {
    const sent: unknown[] = [];
    const upid = 'UPID:pve1:0000A1B2:00C0FFEE:6750A1B2:vzsnapshot:100:felhom@pve!agent:';
    const requester: APIRequester = {
      request: async <T>(method: string, path: string, options?: unknown) => {
        sent.push({ method, path, options });
        return { data: upid as T };
      },
    };
    await expect(operations.snapshot.invoke(requester, 'pve1', 100, { name: '1bad' })).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      parameter: 'options.name',
    });
    expect(sent).toEqual([]);
    const result = await operations.rollback.invoke(requester, 'pve1', 100, 'before_upgrade', {
      start: true,
    });
    expect(result).toEqual(parseUPID(upid));
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/nodes/pve1/lxc/100/snapshot/before_upgrade/rollback',
        options: { body: { start: true } },
      },
    ]);
  });
});
