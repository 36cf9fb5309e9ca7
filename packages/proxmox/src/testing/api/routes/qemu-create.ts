import { randomUUID } from 'node:crypto';
import { guestWord, lockProblem, markRunning } from '../../model/guest-state.js';
import type { SimGuest } from '../../model/inventory.js';
import { isDriveKey } from '../../model/qemu-drives.js';
import { seedMac } from '../../model/seed-vms.js';
import { die, paramError, permError } from '../../model/sim-error.js';
import type { SimTaskOutcome } from '../../model/tasks.js';
import { checkBridgeAccess } from '../bridge-access.js';
import { P } from '../params.js';
import { checkDriveStorage, checkVmConfigKeys } from '../qemu-config-perms.js';
import { allocateDisk } from '../qemu-disks.js';
import { QEMU_CREATE_ONLY, QEMU_OPTIONS, qemuIndexedOption } from '../qemu-options.js';
import { restoreVma } from '../qemu-restore.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { checkVolumeAccess } from '../volume-access.js';

/**
 * POST /nodes/{node}/qemu — create a VM, or restore one with `archive` (qemu-server
 * `create_vm`). `user => 'all'`; the handler checks, in order: `Datastore.AllocateSpace` on
 * `storage`, `VM.PowerMgmt` for `start`, `VM.Allocate` on `/vms/<vmid>` (or `VM.Backup` to
 * restore over an existing VM with `force`; else a bare 403), the archive, the per-option
 * privileges, then the free vmid; workers `qmcreate`, `qmrestore`.
 */
const createRoute: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/qemu',
  proxyto: true,
  params: {
    properties: { node: P.node, vmid: P.vmid, ...QEMU_OPTIONS, ...QEMU_CREATE_ONLY },
    additional: qemuIndexedOption,
  },
  handle: (ctx) => ({ data: createOrRestore(ctx) }),
};

function createOrRestore(ctx: SimRouteContext): string {
  const { cluster } = ctx;
  const { node = '', vmid: vmidText, archive, storage, force, pool, start, unique, ...rest } = ctx.params;
  const { bwlimit: _b, 'ha-managed': ha, 'live-restore': _l, 'import-working-storage': _i, ...given } = rest;
  const options: Record<string, string> = { ...given };
  const vmid = Number(vmidText);
  const existing = cluster.guest(vmid);
  const sameExists = existing?.type === 'qemu' && existing.node === node;
  if (pool !== undefined) throw permError(`pool '${pool}' does not exist`);
  if (storage !== undefined) ctx.check(`/storage/${storage}`, ['Datastore.AllocateSpace']);
  if (ha === '1') ctx.check('/', ['Sys.Console']);
  if (start === '1') ctx.check(`/vms/${vmid}`, ['VM.PowerMgmt']);
  const mayBackup =
    archive !== undefined && force === '1' && sameExists && ctx.can(`/vms/${vmid}`, ['VM.Backup']);
  if (!ctx.can(`/vms/${vmid}`, ['VM.Allocate']) && !mayBackup) throw permError();
  const restore = archive !== undefined;
  const source = restore ? findArchive(ctx, archive, vmid, options) : undefined;
  for (const [key, value] of Object.entries(options)) {
    if (/^net\d+$/.test(key) && /^[a-z0-9-]+(,|$)/.test(value)) {
      options[key] = value.replace(/^([a-z0-9-]+)/, `$1=${seedMac(vmid, Number(key.slice(3)) + 1)}`);
    }
  }
  checkDriveStorage(ctx, vmid, options);
  checkVmConfigKeys(ctx, vmid, Object.keys(options));
  for (const [key, value] of Object.entries(options)) if (/^net\d+$/.test(key)) checkBridgeAccess(ctx, value);
  const emsg = `unable to ${restore ? 'restore' : 'create'} VM ${vmid} -`;
  if (existing && !(sameExists && force === '1')) {
    throw die(`${emsg} ${guestWord(existing)} ${vmid} already exists on node '${existing.node}'`);
  }
  const locked = existing ? lockProblem(existing) : undefined;
  if (locked) throw die(`${emsg} ${locked}`);

  // create_and_lock_config: the VM exists, locked `create`, while the worker runs
  const guest: SimGuest = existing ?? {
    vmid,
    type: 'qemu',
    node,
    config: new Map(),
    pending: new Map(),
    snapshots: new Map(),
    status: 'stopped',
    startedAt: undefined,
    pid: undefined,
  };
  guest.config.set('lock', 'create');
  if (!existing) cluster.guests.set(vmid, guest);
  const lines: string[] = [];
  let config: Map<string, string> | undefined;
  let failure: string | undefined;
  if (restore && source) {
    const target = storage === undefined ? undefined : cluster.storages.get(storage);
    if (existing?.config.get('protection') === '1') failure = `${emsg} - protection mode enabled`;
    else if (existing?.status === 'running') failure = `${emsg} vm is running`;
    else if (source.subtype !== 'qemu') {
      failure = `ERROR: file '${archivePath(ctx, source.volid)}' does not look like a QemuServer vzdump backup`;
    } else if (target && !target.content.includes('images')) {
      failure = `storage '${storage}' does not support content-type 'images'`;
    } else {
      const restored = restoreVma(cluster, source, guest, storage, options, unique === '1');
      config = restored.config;
      lines.push(...restored.lines);
    }
    if (failure !== undefined) {
      lines.push(
        `error before or during data restore, some or all disks were not completely restored. VM ${vmid} state is NOT cleaned up.`,
      );
    }
  } else if (!restore) {
    config = new Map();
    for (const [key, value] of Object.entries(options)) {
      const disk = isDriveKey(key) ? allocateDisk(cluster, guest, key, value) : undefined;
      if (disk) lines.push(...disk.lines);
      config.set(key, disk?.value ?? value);
    }
    completeNewConfig(config, Math.floor(cluster.now() / 1000), cluster.profile.qemuVersion);
  }
  const outcome: SimTaskOutcome =
    failure === undefined ? { kind: 'ok' } : { kind: 'error', message: failure };
  if (outcome.kind === 'ok' && start === '1') lines.push('Execute autostart');
  const type = restore ? 'qmrestore' : 'qmcreate';
  return cluster.startTask({
    node,
    type,
    id: String(vmid),
    user: taskUser(ctx),
    lines,
    outcome,
    durationMs: cluster.taskDuration(type),
    onSuccess: () => {
      if (config) guest.config = config;
      guest.snapshots.clear();
      guest.pending?.clear();
      if (start === '1') markRunning(cluster, guest);
    },
    onEnd: () => {
      guest.config.delete('lock');
      // a failed create removes the config; a failed restore leaves it, as PVE does
      if (!existing && type === 'qmcreate' && guest.config.size === 0) cluster.guests.delete(vmid);
    },
  }).upid;
}

/** `check_volume_access(…, 'backup')` and `abs_filesystem_path` for the archive. */
function findArchive(
  ctx: SimRouteContext,
  archive: string,
  vmid: number,
  options: Readonly<Record<string, string>>,
): NonNullable<ReturnType<SimRouteContext['cluster']['latestBackup']>> {
  for (const key of Object.keys(options).sort()) {
    if (isDriveKey(key)) throw paramError({ [key]: "option conflicts with option 'archive'" });
  }
  if (archive === '-') throw die('pipe requires cli environment');
  const m = /^([a-z][a-z0-9\-_.]*[a-z0-9]):(.+)$/i.exec(archive);
  if (!m) throw die('Only root can pass arbitrary filesystem paths.');
  if (!ctx.cluster.storages.has(m[1]!)) throw die(`storage '${m[1]}' does not exist`);
  const backup = /^backup\/vzdump-(?:qemu|lxc)-(\d+)-/.exec(m[2]!);
  if (!backup) throw die(`unable to use volume ${archive} - content type needs to be 'backup'`);
  checkVolumeAccess(ctx, { storage: m[1]!, content: 'backup', vmid: Number(backup[1]) }, vmid);
  const node = ctx.params.node;
  const source = ctx.cluster.volumes.find(
    (v) => v.volid === archive && v.content === 'backup' && (v.node === undefined || v.node === node),
  );
  if (!source) throw die(`can't find file '${archive}'`);
  return source;
}

function archivePath(ctx: SimRouteContext, volid: string): string {
  const storage = ctx.cluster.storages.get(volid.split(':')[0]!);
  return `${storage?.properties.path ?? '/var/lib/vz'}/dump/${volid.split('/').pop()}`;
}

/** What `create_vm` adds to a new config: boot order, SMBIOS UUID, generation id, meta. */
function completeNewConfig(config: Map<string, string>, ctime: number, qemu: string): void {
  if (!config.has('boot')) {
    const disk = [...config.keys()].find((key) => isDriveKey(key) && !/media=cdrom/.test(config.get(key)!));
    const cdrom = [...config.keys()].find((key) => /media=cdrom/.test(config.get(key)!));
    const nic = [...config.keys()].filter((key) => /^net\d+$/.test(key)).sort()[0];
    config.set('boot', `order=${[disk, cdrom, nic].filter((d) => d !== undefined).join(';')}`);
  }
  if (!config.has('smbios1')) config.set('smbios1', `uuid=${randomUUID()}`);
  if (!config.has('vmgenid') || config.get('vmgenid') === '1') config.set('vmgenid', randomUUID());
  config.set('meta', `creation-qemu=${qemu},ctime=${ctime}`);
}

/** The VM create/restore route. */
export const QEMU_CREATE_ROUTES: readonly SimRoute[] = [createRoute];
