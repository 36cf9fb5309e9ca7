import type { ReturnKind } from '../../packages/proxmox/src/api/schema.js';
import { type FlatTree, type PveVersion, pveVersions, type RawMethod, type RawProperty } from './trees.js';

// Merges the three schema trees into one list of endpoints: each endpoint and each parameter
// knows the versions that have it; the newest version's definition wins where they differ.

/** All versions, as a mask. */
export const allVersions = (1 << pveVersions.length) - 1;

/** One parameter of a merged endpoint. */
export interface MergedParameter {
  readonly name: string;
  /** The newest definition of the parameter. */
  readonly raw: RawProperty;
  /** The versions whose endpoint has the parameter. */
  readonly versions: number;
  /** A placeholder of the path template. */
  readonly inPath: boolean;
}

/** One endpoint over all versions. */
export interface MergedEndpoint {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly versions: number;
  /** The newest version's definition. */
  readonly info: RawMethod;
  readonly parameters: readonly MergedParameter[];
  readonly additionalProperties: boolean;
  readonly returnKind: ReturnKind;
}

/**
 * Calls whose `returns` is a plain string but whose answer is not a task id, though their
 * description does not say so: the QEMU monitor's output, the SDN lock token, and the
 * replication `schedule_now`, which returns whatever `schedule_job_now` does.
 */
const notTaskIds = new Set([
  'POST /nodes/{node}/qemu/{vmid}/monitor',
  'POST /cluster/sdn/lock',
  'POST /nodes/{node}/replication/{id}/schedule_now',
]);

/**
 * `vzdump` answers the text `OK` instead of starting a worker when none of the guests it names
 * is on the node (or `stop=1` found nothing to do): pve-manager `PVE/API2/VZDump.pm`.
 */
const okWhenNothingToDo = new Set(['POST /nodes/{node}/vzdump']);

/**
 * A POST/PUT/DELETE documented to return a plain string starts a worker and answers its UPID,
 * unless the string's description says what else it is (a volume id, a MAC address, a URL) or
 * the call is one of {@link notTaskIds}.
 */
function returnKindOf(method: string, path: string, info: RawMethod): ReturnKind {
  const returns = info.returns;
  if (method === 'GET' || returns?.type !== 'string' || returns.format || returns.enum) return 0;
  if (notTaskIds.has(`${method} ${path}`)) return 0;
  const description = returns.description ?? '';
  if (description !== '' && !/upid|task/i.test(description)) return 0;
  if (okWhenNothingToDo.has(`${method} ${path}`)) return 3;
  return returns.optional ? 2 : 1;
}

const methodOrder = ['GET', 'POST', 'PUT', 'DELETE'];

/** The merged endpoints, sorted by path template, then method. */
export function mergeTrees(trees: ReadonlyMap<PveVersion, FlatTree>): MergedEndpoint[] {
  const keys = new Set<string>();
  for (const tree of trees.values()) for (const key of tree.keys()) keys.add(key);
  const endpoints: MergedEndpoint[] = [];
  for (const key of keys) {
    const space = key.indexOf(' ');
    const method = key.slice(0, space) as MergedEndpoint['method'];
    const path = key.slice(space + 1);
    let versions = 0;
    let info: RawMethod | undefined;
    const parameters = new Map<string, { raw: RawProperty; versions: number }>();
    pveVersions.forEach((version, index) => {
      const found = trees.get(version)?.get(key);
      if (!found) return;
      versions |= 1 << index;
      info = found;
      for (const [name, raw] of Object.entries(found.parameters?.properties ?? {})) {
        const seen = parameters.get(name);
        parameters.set(name, { raw, versions: (seen?.versions ?? 0) | (1 << index) });
      }
    });
    if (!info) continue;
    const placeholders = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string));
    endpoints.push({
      method,
      path,
      versions,
      info,
      parameters: [...parameters.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, { raw, versions: had }]) => ({
          name,
          raw,
          versions: had,
          inPath: placeholders.has(name),
        })),
      additionalProperties: Boolean(info.parameters?.additionalProperties),
      returnKind: returnKindOf(method, path, info),
    });
  }
  return endpoints.sort((a, b) =>
    a.path === b.path
      ? methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method)
      : a.path < b.path
        ? -1
        : 1,
  );
}

/** `PVE 9.0+`, `removed in PVE 9.1`, `only in PVE 9.0`: how a mask reads against the endpoint's. */
export function versionNote(mask: number, within: number = allVersions): string | undefined {
  if (mask === within) return undefined;
  const has = (m: number, index: number) => (m & (1 << index)) !== 0;
  const indices = (m: number) => pveVersions.map((_, index) => index).filter((index) => has(m, index));
  const own = indices(mask);
  const outer = indices(within);
  const first = own[0] ?? 0;
  const last = own[own.length - 1] ?? 0;
  const contiguous = own.length === last - first + 1;
  if (contiguous && last === outer[outer.length - 1]) return `PVE ${pveVersions[first]}+`;
  if (contiguous && first === outer[0]) return `removed in PVE ${pveVersions[last + 1]}`;
  return `only in PVE ${own.map((index) => pveVersions[index]).join(', ')}`;
}
