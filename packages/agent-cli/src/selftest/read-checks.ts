import {
  agentRoleMethods,
  agentRoleName,
  type ClientMethodName,
  checkPrivileges,
  type PrivilegeIssue,
  pveumAclModifyCommand,
} from '@felhom/proxmox/privileges';
import { type Check, CheckFailure } from './check.js';
import { duration, gib, listSome } from './format.js';
import { reachHost } from './reach-host.js';
import type { SelftestState, SelftestTarget } from './target.js';

/** The read-only checks, in the order they run: each builds on what the previous ones learned. */
export function readChecks(target: SelftestTarget, state: SelftestState): Check[] {
  const { client } = target;
  const node = (): string => state.node ?? target.requestedNode ?? 'pve';
  return [
    {
      id: 'api',
      title: 'API reachable',
      async run(signal) {
        const version = await reachHost(target, signal);
        return `Proxmox VE ${version.version} at ${target.baseUrl} (TLS: ${target.tls})`;
      },
    },
    {
      id: 'nodes',
      title: 'Cluster nodes',
      async run(signal) {
        const nodes = await client.nodes({ signal });
        const names = nodes.map((entry) => entry.node).sort();
        const summary = listSome(nodes.map((entry) => `${entry.node} (${entry.status ?? 'unknown'})`));
        if (target.requestedNode !== undefined) {
          if (!names.includes(target.requestedNode)) {
            throw new CheckFailure(
              `no cluster node is named "${target.requestedNode}"; the nodes are ${names.join(', ')}`,
              {
                fatal: true,
                hint: [
                  `set node (FELHOM_AGENT_NODE, "node" in the config or --node) to one of: ${names.join(', ')}`,
                  "a host's SSH alias or FQDN is not its node name; `hostname` on the host prints the node name",
                ].join('\n'),
              },
            );
          }
          state.node = target.requestedNode;
        } else {
          const online = nodes.find((entry) => entry.status === 'online') ?? nodes[0];
          if (!online) throw new CheckFailure('the host lists no nodes', { fatal: true });
          state.node = online.node;
        }
        const chosen = nodes.find((entry) => entry.node === state.node);
        if (chosen?.status !== 'online') throw offlineNode(state.node, nodes);
        return `${nodes.length} node${nodes.length === 1 ? '' : 's'}: ${summary}; checking ${state.node}`;
      },
    },
    {
      id: 'node-status',
      title: 'Node status',
      async run(signal) {
        const status = await client.nodeStatus(node(), { signal });
        const load = status.loadavg.map((value) => value.toFixed(2)).join(' ');
        return `${node()}: ${status.pveversion}, up ${duration(status.uptime)}, load ${load}, ${status.cpuinfo.cpus} CPUs, memory ${gib(status.memory.used)} of ${gib(status.memory.total)}`;
      },
    },
    {
      id: 'privileges',
      title: 'Token privileges',
      async run(signal) {
        const permissions = await client.permissions(undefined, { signal });
        state.permissions = permissions;
        // Only the calls the role is meant for: a few methods (tokenInfo) need what it leaves out.
        const issues = checkPrivileges(
          permissions,
          { node: node(), tokenId: target.tokenId },
          agentRoleMethods,
        );
        const denied = issues.filter((issue) => issue.mode !== 'filtered' && issue.mode !== 'owner-or');
        const filtered = issues.filter((issue) => issue.mode === 'filtered');
        const problems = [...denied, ...filtered];
        if (problems.length === 0) return `the token holds what every ${agentRoleName} call needs`;
        throw new CheckFailure(
          `${describeIssues(problems)} (${problems.length} call${problems.length === 1 ? '' : 's'} affected)`,
          { hint: grantHint(problems, target.tokenId) },
        );
      },
    },
    {
      id: 'guests',
      title: 'Containers',
      async run(signal) {
        const guests = await client.listLXC(node(), { signal });
        if (guests.length === 0) {
          // PVE leaves out guests the token may not audit instead of answering 403.
          const missing = issuesFor(state, target, node(), ['listLXC']);
          if (missing.length > 0) {
            throw new CheckFailure(`${node()} lists no containers, and the token lacks VM.Audit`, {
              hint: [
                'Proxmox VE silently leaves out guests the token may not audit (no 403); grant VM.Audit:',
                pveumAclModifyCommand({ path: '/vms', tokenId: target.tokenId }),
              ].join('\n'),
            });
          }
          return `no containers on ${node()} (the token holds VM.Audit, so the list is complete)`;
        }
        state.guestIds = guests.map((guest) => guest.vmid).sort((a, b) => a - b);
        const running = guests.filter((guest) => guest.status === 'running').length;
        const names = guests
          .slice()
          .sort((a, b) => a.vmid - b.vmid)
          .map((guest) => `${guest.vmid}${guest.name ? ` ${guest.name}` : ''}`);
        return `${guests.length} on ${node()} (${running} running): ${listSome(names)}`;
      },
    },
    {
      id: 'storage',
      title: 'Storage',
      async run(signal) {
        const storages = await client.nodeStorage(node(), { signal });
        // Storage listings filter instead of refusing; cluster resources drop storages without
        // Datastore.Audit even when Datastore.AllocateSpace lets the other lists show them.
        const missing = issuesFor(state, target, node(), [
          'listStorage',
          'nodeStorage',
          'storageContent',
          'clusterResources',
        ]).filter((issue) => issue.path.startsWith('/storage'));
        if (storages.length === 0 || missing.length > 0) {
          const seen =
            storages.length === 0 ? `${node()} lists no storage` : `${storages.length} storages visible`;
          throw new CheckFailure(
            `${seen}; the token lacks ${uniqueMissing(missing).join(', ') || 'Datastore.Audit'}`,
            {
              hint: [
                'Proxmox VE silently leaves out storages the token may not audit; grant Datastore.Audit:',
                pveumAclModifyCommand({ path: '/storage', tokenId: target.tokenId }),
              ].join('\n'),
            },
          );
        }
        const withContent =
          storages.find(
            (entry) =>
              entry.active !== false && contentOf(entry).some((c) => c === 'backup' || c === 'vztmpl'),
          ) ?? storages[0];
        const names = storages.map((entry) => entry.storage);
        if (!withContent) return `${storages.length} storages: ${listSome(names)}`;
        const content = await client.storageContent(node(), withContent.storage, { signal });
        const kinds = countBy(content.map((item) => item.content ?? 'other'));
        return `${storages.length} storages (${listSome(names)}); ${withContent.storage} holds ${content.length} volumes (${kinds})`;
      },
    },
  ];
}

/** The chosen node is not online: every later check would fail on it, so this one is fatal. */
function offlineNode(
  name: string | undefined,
  nodes: readonly { readonly node: string; readonly status?: string | undefined }[],
): CheckFailure {
  const online = nodes.filter((entry) => entry.status === 'online').map((entry) => entry.node);
  return new CheckFailure(
    `node ${name ?? '?'} is ${nodes.find((entry) => entry.node === name)?.status ?? 'not online'} (GET /nodes); no node to check`,
    {
      fatal: true,
      hint: [
        `is ${name ?? 'the node'} powered on and in the cluster? \`pvecm status\` on any node shows the quorum and members`,
        online.length > 0
          ? `to check another node, set node (FELHOM_AGENT_NODE, "node" in the config or --node) to one of: ${online.join(', ')}`
          : 'no node of this cluster is online',
      ].join('\n'),
    },
  );
}

function issuesFor(
  state: SelftestState,
  target: SelftestTarget,
  node: string,
  methods: readonly ClientMethodName[],
): PrivilegeIssue[] {
  if (!state.permissions) return [];
  return checkPrivileges(state.permissions, { node, tokenId: target.tokenId }, methods);
}

function uniqueMissing(issues: readonly PrivilegeIssue[]): string[] {
  return [...new Set(issues.flatMap((issue) => issue.missing))].sort();
}

function describeIssues(issues: readonly PrivilegeIssue[]): string {
  const byPath = new Map<string, Set<string>>();
  for (const issue of issues) {
    const set = byPath.get(issue.path) ?? new Set<string>();
    for (const privilege of issue.missing) set.add(privilege);
    byPath.set(issue.path, set);
  }
  return [...byPath]
    .map(([path, privileges]) => `missing ${[...privileges].sort().join('|')} on ${path}`)
    .join('; ');
}

/** One `pveum acl modify` per ACL path (templates such as /vms/{vmid} widen to their parent). */
function grantHint(issues: readonly PrivilegeIssue[], tokenId: string): string {
  const paths = [...new Set(issues.map((issue) => aclPathOf(issue.path)))].sort();
  return [
    `grant the ${agentRoleName} role (create it first with \`felhom-agent role\`):`,
    ...paths.map((path) => pveumAclModifyCommand({ path, tokenId })),
  ].join('\n');
}

function aclPathOf(path: string): string {
  const brace = path.indexOf('{');
  if (brace === -1) return path;
  return path.slice(0, brace).replace(/\/$/, '') || '/';
}

function contentOf(entry: { readonly content?: string | readonly string[] | undefined }): readonly string[] {
  if (entry.content === undefined) return [];
  return typeof entry.content === 'string' ? entry.content.split(',') : entry.content;
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} ${value}`).join(', ') || 'none';
}
