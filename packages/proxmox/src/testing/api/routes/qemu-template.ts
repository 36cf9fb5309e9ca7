import { configPath, lockProblem } from '../../model/guest-state.js';
import { die } from '../../model/sim-error.js';
import { P } from '../params.js';
import { vmTask } from '../qemu-tasks.js';
import type { SimRoute } from '../route.js';

// `valid_drive_names` in qemu-server's order.
const driveNames = [
  ...[0, 1, 2, 3].map((n) => `ide${n}`),
  ...Array.from({ length: 31 }, (_, n) => `scsi${n}`),
  ...Array.from({ length: 16 }, (_, n) => `virtio${n}`),
  ...[0, 1, 2, 3, 4, 5].map((n) => `sata${n}`),
  'efidisk0',
  'tpmstate0',
];

/**
 * POST /nodes/{node}/qemu/{vmid}/template — qemu-server `API2/Qemu.pm` `template`: `VM.Allocate`
 * on `/vms/{vmid}`. The config is checked before the worker is forked (a missing config, a lock,
 * snapshots, already a template, running: HTTP 500 with the text), then again in the
 * `qmtemplate` worker, which sets `template: 1`.
 */
const template: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu/{vmid}/template',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Allocate'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      disk: { type: 'string', optional: true, enum: driveNames },
    },
  },
  handle: (ctx) => {
    const vmid = Number(ctx.params.vmid);
    const guest = ctx.cluster.guest(vmid);
    if (guest?.type !== 'qemu' || guest.node !== ctx.params.node) {
      throw die(`Configuration file '${configPath('qemu', ctx.params.node!, vmid)}' does not exist`);
    }
    const locked = lockProblem(guest);
    if (locked) throw die(locked);
    if (guest.snapshots.size > 0) throw die('unable to create template, because VM contains snapshots');
    if (guest.config.get('template') === '1' && ctx.params.disk === undefined) {
      throw die("you can't convert a template to a template");
    }
    if (guest.status === 'running') throw die("you can't convert a VM to template if VM is running");
    return vmTask(ctx, 'qmtemplate', { kind: 'ok' }, { onSuccess: () => guest.config.set('template', '1') });
  },
};

/** Converting a VM into a template. */
export const QEMU_TEMPLATE_ROUTES: readonly SimRoute[] = [template];
