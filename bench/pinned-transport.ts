/**
 * Kept-alive requests over a pinned TLS connection: `client.request` with `tls.fingerprint`
 * against raw `fetch` (an undici Agent of the same version trusting the certificate as its CA)
 * for the same tiny 1-guest `/nodes/pve/lxc` body, from an HTTPS server on 127.0.0.1 in this
 * process (harness: bench/paired-client-bench.ts). The tiny body makes the client's fixed cost
 * per call the whole difference. Target: ≤ 1.10.
 *
 * Run: npx tsx bench/pinned-transport.ts [rounds] [callsPerRound] [guests]   (defaults 40 200 1)
 */
import { runPairedClientBench } from './paired-client-bench.js';

await runPairedClientBench({
  label: 'ProxmoxClient.request',
  transport: 'pinned',
  defaultGuests: 1,
  defaultCallsPerRound: 200,
  async call(client) {
    const { data } = await client.request<unknown[]>('GET', '/nodes/pve/lxc');
    return data.length;
  },
});
