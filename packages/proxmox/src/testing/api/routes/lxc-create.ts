import { parseDiskSize, parsePropertyString } from '../../model/config-file.js';
import { guestWord, markRunning } from '../../model/guest-state.js';
import type { SimGuest, SimVolume } from '../../model/inventory.js';
import { die, paramError, permError } from '../../model/sim-error.js';
import type { SimTaskOutcome } from '../../model/tasks.js';
import { checkConfigPermissions } from '../config-perms.js';
import { CREATE_ONLY, indexedOption, LXC_OPTIONS } from '../lxc-options.js';
import { P } from '../params.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { checkVolumeAccess } from '../volume-access.js';

const GiB = 1024 ** 3;
/** Keys a restore never takes from the archive's config: disks are re-created, state is not restored. */
const NOT_RESTORED = /^(rootfs|mp\d+|unused\d+|lock|parent)$/;

function volumeMeta(volid: string): Pick<SimVolume, 'storage' | 'content' | 'vmid'> | undefined {
  const m = /^([a-z][a-z0-9\-_.]*[a-z0-9]):(vztmpl|backup|iso)\/(.+)$/i.exec(volid);
  if (!m) return undefined;
  const owner = /^vzdump-(?:lxc|qemu|openvz)-(\d+)-/.exec(m[3]!);
  return {
    storage: m[1]!,
    content: m[2] as SimVolume['content'],
    ...(owner ? { vmid: Number(owner[1]) } : {}),
  };
}

function ostypeOf(template: string): string {
  const name = template.split('/').pop() ?? '';
  const known = [
    'debian',
    'ubuntu',
    'alpine',
    'centos',
    'fedora',
    'archlinux',
    'devuan',
    'opensuse',
    'gentoo',
    'nixos',
  ];
  return known.find((os) => name.startsWith(os)) ?? 'unmanaged';
}

function restoreLines(
  volid: string,
  archivePath: string,
  vmid: number,
  size: number,
  restore: boolean,
): string[] {
  const blocks = Math.floor(size / 4096);
  return [
    ...(restore ? [`recovering backed-up configuration from '${volid}'`] : []),
    `  Logical volume "vm-${vmid}-disk-0" created.`,
    `Creating filesystem with ${blocks} 4k blocks and ${Math.floor(blocks / 4)} inodes`,
    'Filesystem UUID: 6f2c1e0a-3b7d-4c59-a1e8-92d4f0b7c613',
    'Superblock backups stored on blocks: ',
    '\t32768, 98304, 163840, 229376, 294912, 819200, 884736, 1605632',
    '',
    'Allocating group tables:  0/64\b\b\b\b\b     \b\b\b\b\bdone                            ',
    'Writing inode tables:  0/64\b\b\b\b\b     \b\b\b\b\bdone                            ',
    'Creating journal (16384 blocks): done',
    'Writing superblocks and filesystem accounting information:  0/64\b\b\b\b\b     \b\b\b\b\bdone',
    '',
    ...(restore ? [`restoring '${volid}' now..`] : []),
    `extracting archive '${archivePath}'`,
    `Total bytes read: ${restore ? 1_073_745_920 : 524_298_240} (${restore ? '1.1GiB' : '501MiB'}, 212MiB/s)`,
    'Detected container architecture: amd64',
    ...(restore
      ? ['merging backed-up and given configuration..']
      : [
          "Creating SSH host key 'ssh_host_ed25519_key' - this may take some time ...",
          'done: SHA256:Qx1r8m5o0Yd0mK2Zt4mYc7dY8hV3bTz9k5cP0pWq2aE root@localhost',
        ]),
  ];
}

function archivePathOf(ctx: SimRouteContext, volid: string): string {
  const meta = volumeMeta(volid);
  const storage = meta ? ctx.cluster.storages.get(meta.storage) : undefined;
  const base = storage?.properties.path ?? '/var/lib/vz';
  const rel = volid.slice(volid.indexOf(':') + 1);
  return `${base}/${rel.startsWith('vztmpl/') ? `template/cache/${rel.slice(7)}` : rel.startsWith('backup/') ? `dump/${rel.slice(7)}` : rel}`;
}

/**
 * POST /nodes/{node}/lxc — create from a template or `restore=1` from a backup. The schema's
 * check is `user => 'all'`; the handler checks, in this order: the vmid is free (or restore+force
 * over an existing stopped CT), `VM.Allocate` on `/vms/<vmid>` (or `VM.Backup` for restore+force
 * over it; else a bare `Permission check failed`), the per-option privileges, access to the
 * template/archive volume, and `Datastore.AllocateSpace` on the target storage.
 */
const createRoute: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/lxc',
  proxyto: true,
  params: {
    properties: { node: P.node, vmid: P.vmid, ...LXC_OPTIONS, ...CREATE_ONLY },
    additional: indexedOption,
  },
  handle: (ctx) => ({ data: createOrRestore(ctx) }),
};

function createOrRestore(ctx: SimRouteContext): string {
  const { cluster } = ctx;
  const {
    node = '',
    vmid: vmidText,
    ostemplate = '',
    restore: restoreFlag,
    force: forceFlag,
    storage: storageParam,
    start: startFlag,
    unique: _unique,
    pool,
    password: _password,
    'ssh-public-keys': _keys,
    'ignore-unpack-errors': _ignore,
    bwlimit: _bwlimit,
    'ha-managed': _ha,
    ...options
  } = ctx.params;
  const vmid = Number(vmidText);
  const restore = restoreFlag === '1';
  const force = forceFlag === '1';
  const existing = cluster.guest(vmid);
  const sameExists = existing !== undefined && existing.node === node && existing.type === 'lxc';
  if (!(sameExists && restore && force)) {
    if (existing) throw die(`${guestWord(existing)} ${vmid} already exists on node '${existing.node}'`);
  } else {
    if (existing.status === 'running') throw die("can't overwrite running container");
    if (existing.config.get('protection') === '1')
      throw die(`unable to restore CT ${vmid} - protection mode enabled`);
  }
  if (pool !== undefined) throw die(`pool '${pool}' does not exist`);
  if (
    !ctx.can(`/vms/${vmid}`, ['VM.Allocate']) &&
    !(restore && force && sameExists && ctx.can(`/vms/${vmid}`, ['VM.Backup']))
  ) {
    throw permError();
  }
  // `unprivileged` is extracted before the per-option checks (it is read-only after creation).
  const { unprivileged: unprivilegedFlag, ...checked } = options;
  checkConfigPermissions(ctx, vmid, checked, [], unprivilegedFlag === '1' || restore, undefined);
  const meta = volumeMeta(ostemplate);
  if (!meta) throw paramError({ ostemplate: `unable to parse volume ID '${ostemplate}'` });
  if (!cluster.storages.has(meta.storage)) throw die(`storage '${meta.storage}' does not exist`);
  checkVolumeAccess(ctx, meta, vmid);
  const rootfsSpec = options.rootfs === undefined ? undefined : parsePropertyString(options.rootfs, 'volume');
  const rootVolume = rootfsSpec?.get('volume');
  const targetStorageId = rootVolume?.split(':')[0] ?? storageParam ?? 'local';
  const targetStorage = cluster.storages.get(targetStorageId);
  if (!targetStorage) throw die(`storage '${targetStorageId}' does not exist`);
  if (!targetStorage.content.includes('rootdir')) {
    throw paramError({ storage: `storage '${targetStorageId}' does not support container directories` });
  }
  ctx.check(`/storage/${targetStorageId}`, ['Datastore.AllocateSpace']);

  const source = cluster.volumes.find(
    (v) => v.volid === ostemplate && (v.node === undefined || v.node === node) && v.content === meta.content,
  );
  const type = restore ? 'vzrestore' : 'vzcreate';
  const failure = (message: string): SimTaskOutcome => ({
    kind: 'error',
    message: `unable to ${restore ? 'restore' : 'create'} CT ${vmid} - ${message}`,
  });
  let outcome: SimTaskOutcome = { kind: 'ok' };
  if (!source) outcome = failure(`volume '${ostemplate}' does not exist`);
  else if (restore && (!source.backupConfig || source.subtype === 'qemu'))
    // recover_config reads ./etc/vzdump/pct.conf from the tar; a VMA archive has none
    outcome = failure('ERROR: archive contains no configuration file');

  const sizeText =
    rootVolume?.includes(':') && /^\d+(\.\d+)?$/.test(rootVolume.split(':')[1] ?? '')
      ? `${rootVolume.split(':')[1]}G`
      : undefined;
  const backupRootSize = source?.backupConfig
    ? parsePropertyString(source.backupConfig.get('rootfs') ?? '', 'volume').get('size')
    : undefined;
  const size = sizeText ?? backupRootSize ?? '4G';
  const config = new Map<string, string>();
  if (restore && source?.backupConfig) {
    for (const [k, v] of source.backupConfig) if (!NOT_RESTORED.test(k)) config.set(k, v);
  } else {
    config.set('arch', 'amd64');
    config.set('hostname', `CT${vmid}`);
    config.set('memory', '512');
    config.set('ostype', ostypeOf(ostemplate));
    config.set('swap', '512');
  }
  for (const [k, v] of Object.entries(options)) if (k !== 'rootfs') config.set(k, v);
  config.set('rootfs', `${targetStorageId}:vm-${vmid}-disk-0,size=${size}`);

  // create_and_lock_config: the CT exists, locked `create`, while the worker runs.
  const previous = sameExists ? existing : undefined;
  const guest: SimGuest = previous ?? {
    vmid,
    type: 'lxc',
    node,
    config: new Map([['lock', 'create']]),
    snapshots: new Map(),
    status: 'stopped',
    startedAt: undefined,
    pid: undefined,
  };
  if (previous) previous.config.set('lock', 'create');
  else cluster.guests.set(vmid, guest);
  const startAfter = startFlag === '1';
  const task = cluster.startTask({
    node,
    type,
    id: String(vmid),
    user: taskUser(ctx),
    lines:
      outcome.kind === 'ok'
        ? restoreLines(
            ostemplate,
            archivePathOf(ctx, ostemplate),
            vmid,
            parseDiskSize(size) || 4 * GiB,
            restore,
          )
        : restore && source
          ? [`recovering backed-up configuration from '${ostemplate}'`]
          : [],
    outcome,
    durationMs: cluster.taskDuration(type),
    onSuccess: () => {
      guest.config = config;
      guest.snapshots.clear();
      const volid = `${targetStorageId}:vm-${vmid}-disk-0`;
      const index = cluster.volumes.findIndex((v) => v.volid === volid && v.node === node);
      if (index !== -1) cluster.volumes.splice(index, 1);
      cluster.volumes.push({
        volid,
        storage: targetStorageId,
        node: targetStorage.shared ? undefined : node,
        content: 'rootdir',
        format: 'raw',
        size: parseDiskSize(size),
        ctime: Math.floor(cluster.now() / 1000),
        vmid,
      });
      if (startAfter) markRunning(cluster, guest);
    },
    onEnd: () => {
      guest.config.delete('lock');
      // A failed create leaves nothing behind; a failed forced restore keeps the old CT.
      if (!previous && guest.config.size === 0) cluster.guests.delete(vmid);
    },
  });
  return task.upid;
}

/** The create/restore route. */
export const LXC_CREATE_ROUTES: readonly SimRoute[] = [createRoute];
