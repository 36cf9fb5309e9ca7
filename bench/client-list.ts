/**
 * `client.listLXC(node)` (request, envelope, and the validation of every guest) against raw
 * `fetch` + `JSON.parse` for the same 1000-guest `/nodes/pve/lxc` list, served by a loopback
 * HTTP server in this process (harness: bench/paired-client-bench.ts). Target: ≤ 1.10.
 *
 * Run: npx tsx bench/client-list.ts [rounds] [callsPerRound] [guests]
 */
import { runPairedClientBench } from './paired-client-bench.js';

await runPairedClientBench({
  label: 'ProxmoxClient.listLXC',
  call: async (client) => (await client.listLXC('pve')).length,
});
