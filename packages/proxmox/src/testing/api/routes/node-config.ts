import { createHash } from 'node:crypto';
import type { SimulatedCluster } from '../../model/cluster.js';
import { die, paramError } from '../../model/sim-error.js';
import { P, splitList } from '../params.js';
import type { SimRoute } from '../route.js';

/**
 * The node configuration file `/etc/pve/nodes/<node>/config` (pve-manager `API2/NodeConfig.pm`,
 * `PVE/NodeConfig.pm`): the description as `#` comment lines, then `key: value` lines. Both
 * calls check `/`, not `/nodes/<node>` (`Sys.Audit` to read, `Sys.Modify` to write). The digest
 * is the SHA-1 of the file's text; a PUT with a stale `digest` dies before writing.
 */

const files = new WeakMap<SimulatedCluster, Map<string, Map<string, string>>>();

function nodeConfig(cluster: SimulatedCluster, node: string): Map<string, string> {
  let byNode = files.get(cluster);
  if (!byNode) {
    byNode = new Map();
    files.set(cluster, byNode);
  }
  let config = byNode.get(node);
  if (!config) {
    config = new Map();
    byNode.set(node, config);
  }
  return config;
}

/** The file as `write_node_config` prints it: description comment lines first, then sorted keys. */
function fileText(config: ReadonlyMap<string, string>): string {
  let text = '';
  const description = config.get('description');
  if (description !== undefined) for (const line of description.split('\n')) text += `#${line}\n`;
  for (const key of [...config.keys()].filter((k) => k !== 'description').sort()) {
    text += `${key}: ${config.get(key)}\n`;
  }
  return text;
}

const digestOf = (config: ReadonlyMap<string, string>): string =>
  createHash('sha1').update(fileText(config)).digest('hex');

const keys = ['acme', 'ballooning-target', 'description', 'startall-onboot-delay', 'wakeonlan'];
const isAcmeDomain = (name: string): boolean => /^acmedomain[0-5]$/.test(name);

/** GET /nodes/{node}/config — `Sys.Audit` on `/`; the whole file, or one `property`. */
const getConfig: SimRoute = {
  method: 'GET',
  path: '/nodes/{node}/config',
  proxyto: true,
  permission: { path: '/', privileges: ['Sys.Audit'] },
  params: {
    properties: {
      node: P.node,
      property: {
        type: 'string',
        optional: true,
        enum: [...keys.slice(0, 1), ...[0, 1, 2, 3, 4, 5].map((n) => `acmedomain${n}`), ...keys.slice(1)],
      },
    },
  },
  handle: ({ cluster, params }) => {
    const config = nodeConfig(cluster, params.node!);
    const all: Record<string, string | number> = { digest: digestOf(config) };
    for (const [key, value] of config) {
      all[key] = /^(ballooning-target|startall-onboot-delay)$/.test(key) ? Number(value) : value;
    }
    if (params.property === undefined) return { data: all };
    return { data: params.property in all ? { [params.property]: all[params.property] } : {} };
  },
};

/** PUT /nodes/{node}/config — `Sys.Modify` on `/`; sets, then deletes, then writes; answers `null`. */
const setConfig: SimRoute = {
  method: 'PUT',
  path: '/nodes/{node}/config',
  proxyto: true,
  permission: { path: '/', privileges: ['Sys.Modify'] },
  params: {
    properties: {
      node: P.node,
      delete: { type: 'string', format: 'pve-configid-list', optional: true },
      digest: { type: 'string', maxLength: 40, optional: true },
      description: { type: 'string', maxLength: 65536, optional: true },
      acme: P.optionalString,
      wakeonlan: P.optionalString,
      'ballooning-target': { type: 'integer', minimum: 0, maximum: 100, optional: true },
      'startall-onboot-delay': { type: 'integer', minimum: 0, maximum: 300, optional: true },
    },
    additional: (name) => (isAcmeDomain(name) ? P.optionalString : undefined),
  },
  handle: ({ cluster, params }) => {
    const config = nodeConfig(cluster, params.node!);
    const { node: _node, delete: toDelete, digest, ...changes } = params;
    if (digest && digest !== digestOf(config)) {
      throw die('detected modified configuration - file changed by other user? Try again.');
    }
    const next = new Map(config);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    for (const key of splitList(toDelete ?? '')) {
      if (!keys.includes(key) && !isAcmeDomain(key)) throw paramError({ delete: `invalid key '${key}'` });
      next.delete(key);
    }
    config.clear();
    for (const [key, value] of next) config.set(key, value);
    return { data: null };
  },
};

/** The node configuration file. */
export const NODE_CONFIG_ROUTES: readonly SimRoute[] = [getConfig, setConfig];
