import { toRequestParams } from '../../encoding/request-params.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { encodeGuestConfig } from '../../guest-config/encode-guest-config.js';
import type { GuestConfigChanges } from '../../guest-config/types.js';
import { always, codeCheck, whenOption } from '../../privileges/check-builders.js';
import { configKeyChecks, rootOnlyConfigKeys } from '../../privileges/config-key-checks.js';
import { assertNodeName, assertStorageId, assertVmid, assertVolumeId } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalInteger, optionalPool } from '../checks.js';
import { defineOperation } from '../define.js';

/**
 * What `restoreLXC(node, spec)` restores: the backup, the new guest's id and target storage, and
 * any config to set over the backed-up one (typed keys; `nets`, `mountPoints`, `rootfs`,
 * `features` as objects, serialised for you).
 *
 * @example
 * ```ts
 * const spec: RestoreLXCSpec = {
 *   vmid: 105,
 *   archive: 'local:backup/vzdump-lxc-100-2026_11_01-03_00_00.tar.zst',
 *   storage: 'local-lvm',
 *   hostname: 'web-restored',
 *   unprivileged: true,
 *   nets: { 0: { name: 'eth0', bridge: 'vmbr0', ip: 'dhcp' } },
 *   start: true,
 * };
 * ```
 */
export interface RestoreLXCSpec extends GuestConfigChanges, CallOptions {
  /** The id of the container to create (100–999999999). */
  readonly vmid: number;
  /**
   * The backup volume id, e.g. `local:backup/vzdump-lxc-100-2026_11_01-03_00_00.tar.zst` or a PBS
   * `pbs:backup/ct/100/2026-11-01T03:00:00Z` (sent as `ostemplate` with `restore=1`).
   */
  readonly archive: string;
  /** Where the root file system and mount points are allocated. @default 'local' (PVE's default) */
  readonly storage?: string;
  /** Overwrite an existing (stopped) container with this vmid. @default false */
  readonly force?: boolean;
  /** Start the container when the restore succeeded. @default false */
  readonly start?: boolean;
  /** Give the restored container new MAC addresses. @default false */
  readonly unique?: boolean;
  /** I/O bandwidth limit of the restore, KiB/s. */
  readonly bwlimit?: number;
  /** Add the container to this resource pool. */
  readonly pool?: string;
}

const ownKeys = new Set([
  'vmid',
  'archive',
  'storage',
  'force',
  'start',
  'unique',
  'bwlimit',
  'pool',
  'signal',
  'timeout',
]);

function restoreParameters(spec: RestoreLXCSpec) {
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError('spec', spec, 'a restore spec { vmid, archive, … }');
  }
  const vmid = assertVmid(spec.vmid, 'spec.vmid');
  const ostemplate = assertVolumeId(spec.archive, 'spec.archive');
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) if (!ownKeys.has(key)) config[key] = value;
  return {
    vmid,
    ostemplate,
    restore: true,
    storage: spec.storage === undefined ? undefined : assertStorageId(spec.storage, 'spec.storage'),
    force: optionalBoolean('spec.force', spec.force),
    start: optionalBoolean('spec.start', spec.start),
    unique: optionalBoolean('spec.unique', spec.unique),
    bwlimit: optionalInteger('spec.bwlimit', spec.bwlimit),
    pool: optionalPool('spec.pool', spec.pool),
    ...toRequestParams(encodeGuestConfig(config as GuestConfigChanges)),
  };
}

/** `POST /nodes/{node}/lxc` with `restore=1`. */
export const restoreLXCOperation = {
  /**
   * Restores a container from a backup (`POST /nodes/{node}/lxc` with `restore=1`), the primary
   * create path. Needs `VM.Allocate` on `/vms/{vmid}`, `Datastore.AllocateSpace` on the target
   * storage, read access to the archive, and per-key config privileges; see
   * `requiredPrivileges.restoreLXC` (`@felhom/proxmox/privileges`).
   */
  restoreLXC: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc',
    privileges: {
      access: 'all-of',
      checks: [
        {
          ...codeCheck(
            'handler',
            '/vms/{vmid}',
            ['VM.Allocate'],
            always,
            'creating the guest; VM.Allocate on /pool/{pool} also passes when a pool is given, and with force=1 over an existing CT VM.Backup on it is enough',
          ),
          // pve-container src/PVE/API2/LXC.pm create_vm: `/vms/$vmid` or, with `pool`, `/pool/$pool`.
          alternatives: [{ path: '/pool/{pool}', privileges: ['VM.Allocate'], when: whenOption('pool') }],
        },
        codeCheck(
          'handler',
          '/storage/{storage}',
          ['Datastore.AllocateSpace'],
          always,
          'the root file system (and every volume) is allocated on the target storage',
        ),
        codeCheck(
          'handler',
          '/storage/{archiveStorage}',
          ['Datastore.AllocateSpace'],
          { kind: 'archive-of-other-guest' },
          'reading a backup of another guest (check_volume_access; Datastore.Allocate on the storage also passes)',
        ),
        codeCheck(
          'handler',
          '/vms/{archiveOwner}',
          ['VM.Backup'],
          { kind: 'archive-of-other-guest' },
          'reading a backup of another guest needs VM.Backup on that guest',
        ),
        ...configKeyChecks,
        codeCheck(
          'worker',
          '/',
          ['Sys.Modify'],
          { kind: 'privileged-container' },
          'creating or restoring a privileged container (PVE 9; stated in the 9.x permission text)',
        ),
      ],
      rootOnly: [
        ...rootOnlyConfigKeys,
        'ostemplate as a file system path instead of a volume id',
        'raw lxc.* keys from the backup (restored only for root@pam)',
        'restoring bind/device mount points from the backup',
      ],
      versionNotes:
        "PVE 9.0 added \"For privileged containers, 'Sys.Modify' permissions on '/' are required.\" to the permission text.",
    },
    request: (node: string, spec: RestoreLXCSpec) => {
      const path = { node: assertNodeName(node) };
      return { path, parameters: restoreParameters(spec), call: spec };
    },
    answer: upidAnswer,
  }),
};
