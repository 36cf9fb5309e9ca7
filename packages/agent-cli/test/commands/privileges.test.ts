import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { captureIO } from '../support/capture-io.js';

const never = new AbortController().signal;

describe('privileges', () => {
  it('prints each endpoint’s check from the PVE schema and the privileges they name', async () => {
    const io = captureIO();
    const code = await main(
      [
        'privileges',
        'GET /nodes/{node}/qemu',
        'POST /nodes/{node}/qemu/{vmid}/status/start',
        'POST /nodes/{node}/qemu/{vmid}/clone',
      ],
      io,
      never,
    );
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain('GET /nodes/{node}/qemu  (PVE 8.4, 9.0, 9.1)');
    expect(out).toContain('needs: any authenticated user or token (the handler may check or filter further)');
    expect(out).toContain('PVE says: Only list VMs where you have VM.Audit permissions on /vms/<vmid>.');
    expect(out).toContain('needs: VM.PowerMgmt on /vms/{vmid}');
    expect(out).toContain(
      "needs: VM.Clone on /vms/{vmid} and (VM.Allocate on /vms/{newid} or VM.Allocate on /pool/{pool} (when 'pool' is given))",
    );
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'Privileges named by these checks: VM.Allocate, VM.Clone, VM.PowerMgmt',
    );
  });

  it('says when an endpoint refuses API tokens or is root@pam only, and prints JSON on request', async () => {
    const io = captureIO();
    expect(
      await main(['privileges', 'PUT /access/password', 'POST /nodes/{node}/execute', '--json'], io, never),
    ).toBe(0);
    const document = JSON.parse(io.out());
    expect(document.noTokens.map((e: { path: string }) => e.path)).toEqual(['/access/password']);
    expect(document.privileges).toEqual(['Realm.AllocateUser', 'User.Modify']);
    expect(document.endpoints[0].permissions.check.kind).toBe('or');
  });

  it('exits 2 naming an endpoint the API does not have, and without any endpoint', async () => {
    const unknown = captureIO();
    expect(await main(['privileges', 'GET /nodes/{node}/nope'], unknown, never)).toBe(2);
    expect(unknown.err()).toContain('invalid endpoint');
    expect(unknown.err()).toContain('GET /nodes/{node}/nope');
    expect(unknown.out()).toBe('');
    const none = captureIO();
    expect(await main(['privileges'], none, never)).toBe(2);
  });
});
