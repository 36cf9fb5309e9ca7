import type { ProxmoxClient } from '@felhom/proxmox';

/** A running demo host: the simulated cluster over real HTTPS, and how to reach it. */
export interface DemoHost {
  readonly baseUrl: string;
  readonly fingerprint256: string;
  readonly tokenId: string;
  readonly client: ProxmoxClient;
  /** The container the demo's task checks snapshot. */
  readonly vmid: number;
  close(): Promise<void>;
}

/**
 * Starts the simulated Proxmox VE cluster (from `@felhom/proxmox/testing`) on 127.0.0.1 with a
 * certificate made for this run, and a client pinned to that certificate's fingerprint, so the
 * demo exercises the same TLS pinning a real host gets. Loaded only for `--demo`.
 */
export async function startDemoHost(options: { requestTimeoutMs: number }): Promise<DemoHost> {
  const [{ ProxmoxClient }, testing] = await Promise.all([
    import('@felhom/proxmox'),
    import('@felhom/proxmox/testing'),
  ]);
  // Tasks take as long as the simulator's per-type defaults (a snapshot 0.8 s, its removal
  // 0.6 s), as on a small real host, so progress output has something to show.
  const cluster = new testing.SimulatedCluster();
  const server = await testing.startSimulatorServer(cluster);
  const client = new ProxmoxClient({
    baseUrl: server.url,
    token: { id: testing.SIM_AGENT_TOKEN_ID, secret: testing.SIM_AGENT_TOKEN_SECRET },
    tls: { fingerprint: server.fingerprint256 },
    timeout: options.requestTimeoutMs,
  });
  return {
    baseUrl: server.url,
    fingerprint256: server.fingerprint256,
    tokenId: testing.SIM_AGENT_TOKEN_ID,
    client,
    vmid: 100,
    async close() {
      await client.close();
      await server.close();
    },
  };
}
