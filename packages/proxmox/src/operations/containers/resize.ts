import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { codeCheck, schemaCheck } from '../../privileges/check-builders.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalDigest } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/** Options of `resize(node, vmid, disk, size, options)`. */
export interface ResizeOptions extends CallOptions {
  /**
   * The `digest` from `guestConfig()`: the host refuses the resize if the config changed since.
   */
  readonly digest?: string;
}

/** A container volume key: `rootfs` or a mount point `mp0`…`mp255`. */
export type ContainerVolumeKey = 'rootfs' | `mp${number}`;

const volumeKey = /^(?:rootfs|mp(?:0|[1-9]\d?|1\d\d|2[0-4]\d|25[0-5]))$/;
/** PVE's pattern: an optional `+` (grow by), a number, an optional unit K, M, G or T. */
const sizeFormat = /^\+?\d+(?:\.\d+)?[KMGT]?$/;

function checkedSize(size: unknown): string {
  if (typeof size !== 'string' || size.length > 32 || !sizeFormat.test(size)) {
    throw new InvalidArgumentError(
      'size',
      size,
      "a size such as '16G' (the new size) or '+2G' (grow by), in bytes or with K, M, G or T",
    );
  }
  return size;
}

/** `PUT /nodes/{node}/lxc/{vmid}/resize`: checked synchronously, then a `resize` task. */
export const resizeOperation = {
  /**
   * Grows a container volume (`PUT …/lxc/{vmid}/resize`): `size` is the new size (`'16G'`) or,
   * with `+`, how much to add (`'+2G'`); shrinking is refused by the host. Resolves to the UPID of
   * the `resize` task, which grows the volume and its file system (online for a running
   * container). Needs `VM.Config.Disk` and `VM.Config.Options` on `/vms/{vmid}` and
   * `Datastore.AllocateSpace` on the volume's storage.
   */
  resize: defineOperation({
    method: 'PUT',
    path: '/nodes/{node}/lxc/{vmid}/resize',
    privileges: {
      access: 'any-of',
      checks: [
        schemaCheck('/vms/{vmid}', ['VM.Config.Disk'], true, 'resizing a volume is a disk change'),
        codeCheck(
          'handler',
          '/vms/{vmid}',
          ['VM.Config.Options'],
          { kind: 'always' },
          'check_ct_modify_config_perm is given the `disk` parameter as a config key, which falls through to VM.Config.Options',
        ),
        codeCheck(
          'handler',
          '/storage/{storage}',
          ['Datastore.AllocateSpace'],
          { kind: 'always' },
          'the volume grows on its storage',
        ),
      ],
      rootOnly: [],
    },
    request: (
      node: string,
      vmid: number,
      disk: ContainerVolumeKey,
      size: string,
      options?: ResizeOptions,
    ) => {
      const path = guestPathValues(node, vmid);
      if (typeof disk !== 'string' || !volumeKey.test(disk)) {
        throw new InvalidArgumentError('disk', disk, "'rootfs' or a mount point 'mp0' to 'mp255'");
      }
      const digest = optionalDigest('options.digest', options?.digest);
      return { path, parameters: { disk, size: checkedSize(size), digest }, call: options };
    },
    answer: upidAnswer,
  }),
};
