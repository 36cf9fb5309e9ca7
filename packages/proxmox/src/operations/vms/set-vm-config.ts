import { toRequestParams } from '../../encoding/request-params.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { schemaCheck } from '../../privileges/check-builders.js';
import { vmConfigKeyChecks, vmRootOnlyConfigKeys } from '../../privileges/vm-config-key-checks.js';
import { encodeVMConfig } from '../../vm-config/encode-vm-config.js';
import type { VMConfigChanges } from '../../vm-config/types.js';
import { nothingAnswer } from '../answers.js';
import { optionalBoolean } from '../checks.js';
import { type ConfigChangeOptions, configChangeBody } from '../config-change.js';
import { guestPathValues } from '../containers/guest-path.js';
import { defineOperation } from '../define.js';

/** Options of `setVMConfig(node, vmid, changes, options)`. */
export interface SetVMConfigOptions extends ConfigChangeOptions {
  /**
   * With `delete`: destroy a deleted disk's volume instead of keeping it as `unusedN`.
   * @default false
   */
  readonly force?: boolean;
}

/** The eight privileges the endpoint's schema accepts any one of. */
const anyConfigPrivilege = schemaCheck(
  '/vms/{vmid}',
  [
    'VM.Config.Disk',
    'VM.Config.CDROM',
    'VM.Config.CPU',
    'VM.Config.Memory',
    'VM.Config.Network',
    'VM.Config.HWType',
    'VM.Config.Options',
    'VM.Config.Cloudinit',
  ],
  true,
  'any config privilege lets the request in; each key is then checked on its own',
);

function vmConfigBody(changes: VMConfigChanges, options: SetVMConfigOptions | undefined) {
  if (typeof changes !== 'object' || changes === null) {
    throw new InvalidArgumentError('changes', changes, 'an object of config changes');
  }
  const force = optionalBoolean('options.force', options?.force);
  if (force === true && !options?.delete?.length) {
    throw new InvalidArgumentError('options.force', force, "'force' only together with 'delete'");
  }
  const body = configChangeBody(toRequestParams(encodeVMConfig(changes)), changes, options);
  return force === undefined ? body : { ...body, force };
}

/** `PUT /nodes/{node}/qemu/{vmid}/config`: synchronous, the body is `null`. */
export const setVMConfigOperation = {
  /**
   * Changes a VM's config (`PUT …/qemu/{vmid}/config`), synchronously: it resolves once the
   * change is written. PVE also has `POST …/config`, which does the same in a `qmconfig` task and
   * answers a UPID; this method uses `PUT`, so there is no task to wait for. A running VM takes
   * what it can hot-plug at once (NICs, disks, `name`, `onboot`, `cpulimit`, …) and keeps the rest
   * pending until its next start: read it back with `vmConfig(node, vmid, { current: true })` to
   * see what runs now. Pass the `digest` from {@link ProxmoxClient.vmConfig}: a concurrent edit then
   * fails with an `APIError` of reason `conflict` instead of being overwritten. A new disk is
   * `drives: { scsi1: { file: 'local-lvm:32' } }`. Needs one of the `VM.Config.*` privileges on
   * `/vms/{vmid}`, then each key's own (`VM.Config.CPU` for `cores`, `VM.Config.Disk` or
   * `VM.Config.CDROM` for a drive plus `Datastore.AllocateSpace` for a new disk, `SDN.Use` on a
   * NIC's bridge, …); see `requiredPrivileges.setVMConfig` (`@felhom/proxmox/privileges`).
   */
  setVMConfig: defineOperation({
    method: 'PUT',
    path: '/nodes/{node}/qemu/{vmid}/config',
    privileges: {
      access: 'any-of',
      checks: [anyConfigPrivilege, ...vmConfigKeyChecks],
      rootOnly: vmRootOnlyConfigKeys,
    },
    request: (node: string, vmid: number, changes: VMConfigChanges, options?: SetVMConfigOptions) => {
      const path = guestPathValues(node, vmid);
      return { path, parameters: vmConfigBody(changes, options), call: options };
    },
    answer: nothingAnswer,
  }),
};
