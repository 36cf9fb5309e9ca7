/**
 * Transport overhead: `client.request` against raw `fetch` + `JSON.parse` for the same GET of a
 * 1000-guest `/nodes/pve/lxc` list, served by a loopback HTTP server, in one process (harness:
 * bench/paired-client-bench.ts). Target: ≤ 1.10.
 *
 * Run: npx tsx bench/transport.ts [rounds] [callsPerRound] [guests]
 */
import { runPairedClientBench } from './paired-client-bench.js';

await runPairedClientBench({
  label: 'ProxmoxClient.request',
  async call(client) {
    const { data } = await client.request<unknown[]>('GET', '/nodes/pve/lxc');
    return data.length;
  },
});
