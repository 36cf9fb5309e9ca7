import { typedConfig } from '../../model/config-file.js';
import { lockProblem } from '../../model/guest-state.js';
import { die, paramError } from '../../model/sim-error.js';
import { checkConfigPermissions } from '../config-perms.js';
import { indexedOption, LXC_OPTIONS } from '../lxc-options.js';
import { P, splitList } from '../params.js';
import type { SimRoute } from '../route.js';
import { loadGuest } from '../views.js';

/**
 * GET …/config — check `['perm', '/vms/{vmid}', ['VM.Audit']]`; `env` is dropped without
 * `VM.Config.Options`; `snapshot` returns that snapshot's config.
 */
const getConfig: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/lxc/{vmid}/config',
  proxyto: true,
  permission: { path: '/vms/{vmid}', privileges: ['VM.Audit'] },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      current: P.optionalBoolean,
      snapshot: { type: 'string', format: 'pve-configid', maxLength: 40, optional: true },
    },
  },
  handle: ({ cluster, params, can }) => {
    const guest = loadGuest(cluster, params.node!, Number(params.vmid));
    let source = guest.config;
    if (params.snapshot !== undefined) {
      const snap = guest.snapshots.get(params.snapshot);
      if (!snap) throw die(`snapshot '${params.snapshot}' does not exist`);
      source = new Map(snap.config);
      source.set('snaptime', String(snap.snaptime));
      if (snap.description !== '') source.set('description', snap.description);
    }
    const data: Record<string, unknown> = { ...typedConfig(source), digest: cluster.digest(guest) };
    if (!can(`/vms/${guest.vmid}`, ['VM.Config.Options'])) delete data.env;
    return { data };
  },
};

const READ_ONLY = new Set(['unprivileged']);

/**
 * PUT …/config — check `['perm', '/vms/{vmid}', [VM.Config.Disk|CPU|Memory|Network|Options], any]`,
 * synchronous, returns null. In the handler's order: nothing to do, lock, digest, per-key checks.
 */
const putConfig: SimRoute = {
  method: 'PUT',
  path: '/nodes/{node}/lxc/{vmid}/config',
  proxyto: true,
  permission: {
    path: '/vms/{vmid}',
    privileges: [
      'VM.Config.Disk',
      'VM.Config.CPU',
      'VM.Config.Memory',
      'VM.Config.Network',
      'VM.Config.Options',
    ],
    mode: 'any',
  },
  params: {
    properties: {
      node: P.node,
      vmid: P.vmid,
      digest: { type: 'string', maxLength: 40, optional: true },
      delete: { type: 'string', format: 'pve-configid-list', optional: true },
      revert: { type: 'string', format: 'pve-configid-list', optional: true },
      ...LXC_OPTIONS,
    },
    additional: indexedOption,
  },
  handle: (ctx) => {
    const { cluster, params } = ctx;
    const { node, vmid: vmidText, digest, delete: deleteText, revert, ...changes } = params;
    const vmid = Number(vmidText);
    const deleted = deleteText === undefined ? [] : splitList(deleteText);
    if (Object.keys(changes).length === 0 && deleted.length === 0 && revert === undefined) {
      throw die('no options specified');
    }
    for (const key of deleted) {
      if (key in changes)
        throw paramError({ delete: `you can't use '-${key}' and '-delete ${key}' at the same time` });
    }
    const guest = loadGuest(cluster, node!, vmid);
    const locked = lockProblem(guest);
    if (locked) throw die(locked);
    if (digest !== undefined && digest !== cluster.digest(guest)) {
      throw die('detected modified configuration - file changed by other user? Try again.');
    }
    checkConfigPermissions(
      ctx,
      vmid,
      changes,
      deleted,
      guest.config.get('unprivileged') === '1',
      guest.config.get('features'),
    );
    for (const key of [...Object.keys(changes), ...deleted]) {
      if (READ_ONLY.has(key)) throw die(`unable to modify read-only option: '${key}'`);
    }
    const next = new Map(guest.config);
    for (const key of deleted) next.delete(key);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    guest.config = next;
    return { data: null };
  },
};

/** The config routes. */
export const LXC_CONFIG_ROUTES: readonly SimRoute[] = [getConfig, putConfig];
