import { createHash } from 'node:crypto';
import type { SimulatedCluster } from '../../model/cluster.js';
import type { SimStorage, SimVolume } from '../../model/inventory.js';
import { paramError } from '../../model/sim-error.js';
import { P, splitList } from '../params.js';
import type { SimRoute } from '../route.js';
import { canAccessVolume } from '../volume-access.js';

/** Volumes a storage holds as seen from `node` (local storages differ per node). */
export function volumesOn(cluster: SimulatedCluster, storage: SimStorage, node: string): SimVolume[] {
  return cluster.volumes.filter((v) => v.storage === storage.id && (storage.shared || v.node === node));
}

/** Capacity figures of a storage on a node. */
export function storageStatus(
  cluster: SimulatedCluster,
  storage: SimStorage,
  node: string,
): { total: number; used: number; avail: number } {
  const used = storage.baseUsed + volumesOn(cluster, storage, node).reduce((sum, v) => sum + v.size, 0);
  return { total: storage.total, used, avail: Math.max(0, storage.total - used) };
}

/** storage.cfg as text, for the `digest` every `/storage` entry carries. */
function storageCfgDigest(storages: Iterable<SimStorage>): string {
  let text = '';
  for (const s of storages) {
    text += `${s.type}: ${s.id}\n\tcontent ${s.content.join(',')}\n`;
    for (const [k, v] of Object.entries(s.properties)) text += `\t${k} ${v}\n`;
    if (s.shared && s.type !== 'nfs') text += '\tshared 1\n';
    text += '\n';
  }
  return createHash('sha1').update(text).digest('hex');
}

const AUDIT_OR_SPACE = ['Datastore.Audit', 'Datastore.AllocateSpace'];

/** GET /storage — `user => 'all'`, entries filtered by `Datastore.Audit|Datastore.AllocateSpace`. */
const storageIndex: SimRoute = {
  method: 'GET',
  path: '/storage',
  proxyto: false,
  params: {
    properties: {
      type: {
        type: 'string',
        optional: true,
        enum: [
          'btrfs',
          'cephfs',
          'cifs',
          'dir',
          'esxi',
          'iscsi',
          'iscsidirect',
          'lvm',
          'lvmthin',
          'nfs',
          'pbs',
          'rbd',
          'zfs',
          'zfspool',
        ],
      },
    },
  },
  handle: ({ cluster, params, can }) => {
    const digest = storageCfgDigest(cluster.storages.values());
    const data = [...cluster.storages.values()]
      .filter((s) => params.type === undefined || s.type === params.type)
      .filter((s) => can(`/storage/${s.id}`, AUDIT_OR_SPACE, 'any'))
      .map((s) => ({
        storage: s.id,
        type: s.type,
        content: s.content.join(','),
        digest,
        ...s.properties,
        ...(s.shared && s.type !== 'nfs' ? { shared: 1 } : {}),
      }));
    return { data };
  },
};

/** GET /nodes/{node}/storage — `user => 'all'`, filtered by `Datastore.Audit|Datastore.AllocateSpace`. */
const nodeStorage: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/storage',
  proxyto: true,
  params: {
    properties: {
      node: P.node,
      content: { type: 'string', format: 'pve-storage-content-list', optional: true },
      enabled: P.optionalBoolean,
      format: P.optionalBoolean,
      storage: { ...P.storage, optional: true },
      target: { ...P.node, optional: true },
    },
  },
  handle: ({ cluster, params, can }) => {
    const node = params.node!;
    if (params.storage !== undefined && !cluster.storages.has(params.storage)) {
      throw paramError({ storage: 'No such storage.' });
    }
    const wanted = params.content === undefined ? undefined : splitList(params.content);
    const data = [...cluster.storages.values()]
      .filter((s) => params.storage === undefined || s.id === params.storage)
      .filter((s) => wanted === undefined || wanted.some((c) => s.content.includes(c)))
      .filter((s) => can(`/storage/${s.id}`, AUDIT_OR_SPACE, 'any'))
      .map((s) => {
        const { total, used, avail } = storageStatus(cluster, s, node);
        return {
          storage: s.id,
          type: s.type,
          content: s.content.join(','),
          enabled: 1,
          active: 1,
          shared: s.shared ? 1 : 0,
          total,
          used,
          avail,
          ...(total > 0 ? { used_fraction: used / total } : {}),
        };
      });
    return { data };
  },
};

/**
 * GET /nodes/{node}/storage/{storage}/content — check
 * `['perm', '/storage/{storage}', ['Datastore.Audit', 'Datastore.AllocateSpace'], any => 1]`,
 * then each volume filtered by `check_volume_access`.
 */
const storageContent: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/storage/{storage}/content',
  proxyto: true,
  permission: { path: '/storage/{storage}', privileges: AUDIT_OR_SPACE, mode: 'any' },
  params: {
    properties: {
      node: P.node,
      storage: P.storage,
      content: { type: 'string', format: 'pve-storage-content', optional: true },
      vmid: P.optionalVmid,
    },
  },
  handle: (ctx) => {
    const { cluster, params } = ctx;
    const storage = cluster.storages.get(params.storage!);
    if (!storage) throw paramError({ storage: 'No such storage.' });
    const data = volumesOn(cluster, storage, params.node!)
      .filter((v) => params.content === undefined || v.content === params.content)
      .filter((v) => params.vmid === undefined || v.vmid === Number(params.vmid))
      .filter((v) => canAccessVolume(ctx, v))
      .sort((a, b) => a.volid.localeCompare(b.volid))
      .map((v) => ({
        volid: v.volid,
        content: v.content,
        format: v.format,
        size: v.size,
        // lvm-thin volumes report ctime as a string (never cast by the plugin), and no `used`
        ctime: storage.type === 'lvmthin' ? String(v.ctime) : v.ctime,
        ...(v.vmid === undefined ? {} : { vmid: v.vmid }),
        ...(v.notes === undefined ? {} : { notes: v.notes }),
        ...(v.subtype === undefined ? {} : { subtype: v.subtype }),
        ...(v.content === 'backup' ? { protected: 0 } : {}),
      }));
    return { data };
  },
};

/** The storage routes. */
export const STORAGE_ROUTES: readonly SimRoute[] = [storageIndex, nodeStorage, storageContent];
