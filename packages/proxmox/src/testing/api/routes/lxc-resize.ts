import { parseDiskSize, parsePropertyString } from '../../model/config-file.js';
import { lockProblem } from '../../model/guest-state.js';
import { die, SimError } from '../../model/sim-error.js';
import { formatSize, parseSize } from '../../model/sizes.js';
import { checkConfigPermissions } from '../config-perms.js';
import { P } from '../params.js';
import type { SimRoute } from '../route.js';
import { taskUser } from '../task-user.js';
import { loadGuest } from '../views.js';

const MOUNT_POINTS = ['rootfs', ...Array.from({ length: 256 }, (_, i) => `mp${i}`)];

/**
 * PUT …/lxc/{vmid}/resize — check `['perm', '/vms/{vmid}', ['VM.Config.Disk'], any => 1]`, then
 * (pve-container `API2/LXC.pm` `resize_vm`, before forking) the lock, the per-option privilege of
 * the `disk` parameter itself (so `VM.Config.Options` too, as `check_ct_modify_config_perm` files
 * an unknown key), the digest, the owner, `Datastore.AllocateSpace` on the storage, and
 * `unable to shrink disk size`; worker `resize` grows the volume and the file system.
 */
const resize: SimRoute = {
  method: 'PUT',
  path: '/nodes/{node}/lxc/{vmid}/resize',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Config.Disk'], mode: 'any' },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      disk: { type: 'string', enum: MOUNT_POINTS },
      size: { type: 'string', pattern: /\+?\d+(\.\d+)?[KMGT]?/ },
      digest: { type: 'string', maxLength: 40, optional: true },
    },
  },
  handle: (ctx) => {
    const { cluster, params } = ctx;
    const vmid = Number(params.vmid);
    const disk = params.disk!;
    const grow = params.size!.startsWith('+');
    const requested = parseSize(params.size!.replace(/^\+/, ''));
    if (requested === undefined) throw die('invalid size string');
    const guest = loadGuest(cluster, params.node!, vmid);
    const locked = lockProblem(guest);
    if (locked) throw die(locked);
    checkConfigPermissions(ctx, vmid, { disk }, [], guest.config.get('unprivileged') === '1', undefined);
    if (params.digest !== undefined && params.digest !== cluster.digest(guest)) {
      throw die('detected modified configuration - file changed by other user? Try again.');
    }
    const mount = parsePropertyString(guest.config.get(disk) ?? '', 'volume');
    const volid = mount.get('volume');
    // parse_property_string of an unset mount point: `raise "format error"` without a code
    if (volid === undefined)
      throw new SimError(500, 'format error', { volume: 'property is missing and it is not optional' });
    const owner = /:(?:subvol|vm|base)-(\d+)-/.exec(volid)?.[1];
    if (owner === undefined || Number(owner) !== vmid) {
      throw die(`can't resize mount point owned by another container (${owner ?? ''})`);
    }
    const storage = volid.split(':')[0]!;
    ctx.check(`/storage/${storage}`, ['Datastore.AllocateSpace']);
    const current = parseDiskSize(mount.get('size'));
    const size = Math.floor(grow ? current + requested : requested);
    if (size < current) throw die('unable to shrink disk size');
    if (size === current) throw die('disk is already at specified size');
    return { data: startResize(ctx, guest, disk, volid, current, size) };
  },
};

function startResize(
  ctx: Parameters<SimRoute['handle']>[0],
  guest: ReturnType<typeof loadGuest>,
  disk: string,
  volid: string,
  from: number,
  to: number,
): string {
  const { cluster } = ctx;
  const lv = volid.split(':')[1]!;
  const extents = (bytes: number): string =>
    `${(bytes / 1024 ** 3).toFixed(2)} GiB (${bytes / 4 / 1024 ** 2} extents)`;
  const blocks = Math.floor(to / 4096);
  const device = `/dev/pve/${lv}`;
  const lines = [
    `  Size of logical volume pve/${lv} changed from ${extents(from)} to ${extents(to)}.`,
    `  Logical volume pve/${lv} successfully resized.`,
    ...(guest.status === 'running'
      ? [
          'resize2fs 1.47.2 (1-Jan-2025)',
          `Filesystem at ${device} is mounted on /tmp; on-line resizing required`,
          'old_desc_blocks = 1, new_desc_blocks = 2',
          `The filesystem on ${device} is now ${blocks} (4k) blocks long.`,
          '',
        ]
      : [
          'e2fsck 1.47.2 (1-Jan-2025)',
          'Pass 1: Checking inodes, blocks, and sizes',
          'Pass 2: Checking directory structure',
          'Pass 3: Checking directory connectivity',
          'Pass 4: Checking reference counts',
          'Pass 5: Checking group summary information',
          `${device}: 30915/524288 files (0.2% non-contiguous), 421036/${Math.floor(from / 4096)} blocks`,
          'resize2fs 1.47.2 (1-Jan-2025)',
          `Resizing the filesystem on ${device} to ${blocks} (4k) blocks.`,
          `The filesystem on ${device} is now ${blocks} (4k) blocks long.`,
          '',
        ]),
  ];
  return cluster.startTask({
    node: guest.node,
    type: 'resize',
    id: String(guest.vmid),
    user: taskUser(ctx),
    lines,
    outcome: { kind: 'ok' },
    durationMs: cluster.taskDuration('resize'),
    onSuccess: () => {
      const mount = parsePropertyString(guest.config.get(disk) ?? '', 'volume');
      mount.set('size', formatSize(to));
      const [first, ...rest] = [...mount].map(([key, value]) =>
        key === 'volume' ? value : `${key}=${value}`,
      );
      guest.config.set(disk, [first, ...rest].join(','));
      const index = cluster.volumes.findIndex((volume) => volume.volid === volid);
      if (index !== -1) cluster.volumes[index] = { ...cluster.volumes[index]!, size: to };
    },
  }).upid;
}

/** The container disk resize route. */
export const LXC_RESIZE_ROUTES: readonly SimRoute[] = [resize];
