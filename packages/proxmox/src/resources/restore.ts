import { toRequestParams } from '../encoding/request-params.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { encodeGuestConfig } from '../guest-config/encode-guest-config.js';
import type { GuestConfigChanges } from '../guest-config/types.js';
import type { APIRequester } from '../tasks/requester.js';
import type { UPID } from '../upid/upid.js';
import { assertStorageId, assertVmid, assertVolumeId } from '../validation/validators.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { optionalBoolean, optionalInteger, optionalMatching } from './checks.js';
import { parseTaskUPID } from './parse-upid-response.js';
import { nodePath } from './paths.js';

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

const poolFormat = /^[A-Za-z0-9_.-]+$/;
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

/** `POST /nodes/{node}/lxc` with `restore=1`. */
export async function restoreLXC(api: APIRequester, node: string, spec: RestoreLXCSpec): Promise<UPID> {
  const path = `${nodePath(node)}/lxc`;
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError('spec', spec, 'a restore spec { vmid, archive, … }');
  }
  const vmid = assertVmid(spec.vmid, 'spec.vmid');
  const ostemplate = assertVolumeId(spec.archive, 'spec.archive');
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) if (!ownKeys.has(key)) config[key] = value;
  const body = {
    vmid,
    ostemplate,
    restore: true,
    storage: spec.storage === undefined ? undefined : assertStorageId(spec.storage, 'spec.storage'),
    force: optionalBoolean('spec.force', spec.force),
    start: optionalBoolean('spec.start', spec.start),
    unique: optionalBoolean('spec.unique', spec.unique),
    bwlimit: optionalInteger('spec.bwlimit', spec.bwlimit),
    pool: optionalMatching('spec.pool', spec.pool, poolFormat, 'a pool name'),
    ...toRequestParams(encodeGuestConfig(config as GuestConfigChanges)),
  };
  const { data } = await api.request('POST', path, requestOptions(spec, { body }));
  return parseTaskUPID(data, `POST ${path}`);
}
