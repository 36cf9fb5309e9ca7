import type { UPID } from '@felhom/proxmox';
import type { Api, ApiEndpointKey, ApiResult, QemuNetPropertyString } from '@felhom/proxmox/api';
import { describe, expectTypeOf, it } from 'vitest';

declare const api: Api;

describe('the generated API types', () => {
  it('types a task-starting call as UPID and a list as its items', () => {
    expectTypeOf<ApiResult<'POST', '/nodes/{node}/qemu/{vmid}/status/start'>>().toEqualTypeOf<UPID>();
    expectTypeOf<
      ApiResult<'DELETE', '/nodes/{node}/storage/{storage}/content/{volume}'>
    >().toEqualTypeOf<UPID | null>();
    type Vm = ApiResult<'GET', '/nodes/{node}/qemu'>[number];
    expectTypeOf<Vm['vmid']>().toEqualTypeOf<number>();
    expectTypeOf<Vm['template']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<'GET /version'>().toExtend<ApiEndpointKey>();
  });

  it('requires path values where the template has placeholders, and the required parameters', () => {
    void api.get('/version');
    void api.get('/nodes/{node}/qemu', { path: { node: 'pve1' }, query: { full: true } });
    // @ts-expect-error: {node} needs a value
    void api.get('/nodes/{node}/qemu');
    // @ts-expect-error: vmid is a number
    void api.get('/nodes/{node}/qemu/{vmid}/config', { path: { node: 'pve1', vmid: '100' } });
    // @ts-expect-error: snapname is required
    void api.post('/nodes/{node}/lxc/{vmid}/snapshot', { path: { node: 'pve1', vmid: 100 }, body: {} });
    // @ts-expect-error: no such template for GET
    void api.get('/nodes/{node}/qemu/{vmid}/status/start', { path: { node: 'pve1', vmid: 100 } });
  });

  it('takes property strings as objects and indexed keys by family', () => {
    const net: QemuNetPropertyString = { model: 'virtio', bridge: 'vmbr0', tag: 20, firewall: true };
    void api.put('/nodes/{node}/qemu/{vmid}/config', {
      path: { node: 'pve1', vmid: 100 },
      body: { net3: net },
    });
    void api.put('/nodes/{node}/qemu/{vmid}/config', {
      path: { node: 'pve1', vmid: 100 },
      // @ts-expect-error: tag is a number
      body: { net0: { model: 'virtio', tag: '20' } },
    });
  });
});
