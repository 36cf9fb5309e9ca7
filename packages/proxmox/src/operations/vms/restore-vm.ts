import { toRequestParams } from '../../encoding/request-params.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { always, codeCheck, whenOption } from '../../privileges/check-builders.js';
import { vmConfigKeyChecksInPool, vmRootOnlyConfigKeys } from '../../privileges/vm-config-key-checks.js';
import { assertNodeName, assertStorageId, assertVmid, assertVolumeId } from '../../validation/validators.js';
import { encodeVMConfig } from '../../vm-config/encode-vm-config.js';
import type { VMConfigChanges } from '../../vm-config/types.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalInteger, optionalPool } from '../checks.js';
import { defineOperation } from '../define.js';

/**
 * What `restoreVM(node, spec)` restores: the backup, the VM's id and target storage, and config
 * to set over the backed-up one (typed keys; `nets` and `agent` as objects, serialised for you).
 * Drives cannot be given: PVE restores them from the archive.
 *
 * @example
 * ```ts
 * const spec: RestoreVMSpec = {
 *   vmid: 150,
 *   archive: 'local:backup/vzdump-qemu-102-2026_11_01-03_00_00.vma.zst',
 *   storage: 'local-lvm',
 *   name: 'haos-copy',
 *   unique: true,
 *   start: true,
 * };
 * ```
 */
export interface RestoreVMSpec
  extends Omit<VMConfigChanges, 'drives' | 'efidisk0' | 'tpmstate0'>,
    CallOptions {
  /** The id of the VM to create (100–999999999). */
  readonly vmid: number;
  /**
   * The backup volume id, e.g. `local:backup/vzdump-qemu-102-2026_11_01-03_00_00.vma.zst` or a
   * PBS `pbs:backup/vm/102/2026-11-01T03:00:00Z`.
   */
  readonly archive: string;
  /** Where the disks are allocated. @default each disk's storage in the backup */
  readonly storage?: string;
  /** Overwrite an existing (stopped, unprotected) VM with this vmid. @default false */
  readonly force?: boolean;
  /** Start the VM when the restore succeeded. @default false */
  readonly start?: boolean;
  /** Give the restored VM new MAC addresses (and a new SMBIOS UUID). @default false */
  readonly unique?: boolean;
  /** I/O bandwidth limit of the restore, KiB/s. */
  readonly bwlimit?: number;
  /** Add the VM to this resource pool. */
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
const restoredFromArchive = new Set(['drives', 'efidisk0', 'tpmstate0']);

function restoreParameters(spec: RestoreVMSpec) {
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError('spec', spec, 'a restore spec { vmid, archive, … }');
  }
  const vmid = assertVmid(spec.vmid, 'spec.vmid');
  const archive = assertVolumeId(spec.archive, 'spec.archive');
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (restoredFromArchive.has(key)) {
      throw new InvalidArgumentError(`spec.${key}`, value, 'no drives: they are restored from the archive');
    }
    if (!ownKeys.has(key)) config[key] = value;
  }
  return {
    vmid,
    archive,
    storage: spec.storage === undefined ? undefined : assertStorageId(spec.storage, 'spec.storage'),
    force: optionalBoolean('spec.force', spec.force),
    start: optionalBoolean('spec.start', spec.start),
    unique: optionalBoolean('spec.unique', spec.unique),
    bwlimit: optionalInteger('spec.bwlimit', spec.bwlimit),
    pool: optionalPool('spec.pool', spec.pool),
    ...toRequestParams(encodeVMConfig(config as VMConfigChanges)),
  };
}

/** `POST /nodes/{node}/qemu` with `archive`: the qmrestore path. */
export const restoreVMOperation = {
  /**
   * Restores a VM from a backup (`POST /nodes/{node}/qemu` with `archive`, what `qmrestore`
   * does) in a `qmrestore` task: the disks are allocated anew for `vmid` on `storage`, the
   * backed-up config merged with the keys given. A VMA or PBS backup of a VM; a container backup
   * fails the task. Needs `VM.Allocate` on `/vms/{vmid}` (or on the pool; with `force` over an
   * existing VM, `VM.Backup` on it), `Datastore.AllocateSpace` on `storage`, read access to the
   * archive, `VM.PowerMgmt` for `start`, the per-key config privileges, and `SDN.Use` on the
   * bridges of the backed-up NICs (checked in the task); see `requiredPrivileges.restoreVM`
   * (`@felhom/proxmox/privileges`).
   */
  restoreVM: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/qemu',
    privileges: {
      access: 'all-of',
      checks: [
        {
          ...codeCheck(
            'handler',
            '/vms/{vmid}',
            ['VM.Allocate'],
            always,
            'creating the VM; VM.Allocate on /pool/{pool} also passes when a pool is given, and with force=1 over an existing VM VM.Backup on it is enough',
          ),
          // qemu-server src/PVE/API2/Qemu.pm create_vm: `/vms/$vmid` or, with `pool`, `/pool/$pool`.
          alternatives: [{ path: '/pool/{pool}', privileges: ['VM.Allocate'], when: whenOption('pool') }],
        },
        codeCheck(
          'handler',
          '/storage/{storage}',
          ['Datastore.AllocateSpace'],
          whenOption('storage'),
          'the disks are allocated on the target storage',
        ),
        codeCheck(
          'handler',
          '/',
          ['Sys.Console'],
          whenOption('ha-managed'),
          'adding the VM to HA on creation',
        ),
        codeCheck(
          'handler',
          '/vms/{vmid}',
          ['VM.PowerMgmt'],
          whenOption('start'),
          'starting the VM after the restore is checked before the task starts',
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
        ...vmConfigKeyChecksInPool,
        codeCheck(
          'worker',
          '/sdn/zones/localnetwork/{bridge}',
          ['SDN.Use'],
          always,
          "the backed-up NICs' bridges (check_restore_permissions, at the start of the task)",
        ),
      ],
      rootOnly: [...vmRootOnlyConfigKeys, 'archive as a file system path or a pipe'],
    },
    request: (node: string, spec: RestoreVMSpec) => {
      const path = { node: assertNodeName(node) };
      return { path, parameters: restoreParameters(spec), call: spec };
    },
    answer: upidAnswer,
  }),
};
