/**
 * How the examples reach a Proxmox VE host: a real one when PVE_BASE_URL, PVE_TOKEN_ID,
 * PVE_TOKEN_SECRET and PVE_FINGERPRINT are set (PVE_NODE optional), otherwise the simulated
 * cluster from `@felhom/proxmox/testing`, served over real HTTPS on 127.0.0.1 and pinned.
 */
import { ProxmoxClient } from '@felhom/proxmox';

export interface ExampleHost {
  readonly client: ProxmoxClient;
  readonly node: string;
  readonly simulated: boolean;
  close(): Promise<void>;
}

export async function connect(): Promise<ExampleHost> {
  const { PVE_BASE_URL, PVE_TOKEN_ID, PVE_TOKEN_SECRET, PVE_FINGERPRINT, PVE_NODE } = process.env;
  if (PVE_BASE_URL && PVE_TOKEN_ID && PVE_TOKEN_SECRET && PVE_FINGERPRINT) {
    const client = new ProxmoxClient({
      baseUrl: PVE_BASE_URL,
      token: { id: PVE_TOKEN_ID, secret: PVE_TOKEN_SECRET },
      tls: { fingerprint: PVE_FINGERPRINT },
    });
    const node = PVE_NODE ?? (await client.nodes()).find((entry) => entry.status === 'online')?.node;
    if (!node) throw new Error('no online node; set PVE_NODE');
    return { client, node, simulated: false, close: () => client.close() };
  }
  const { SimulatedCluster, startSimulatorServer, SIM_AGENT_TOKEN_ID, SIM_AGENT_TOKEN_SECRET } = await import(
    '@felhom/proxmox/testing'
  );
  // Short tasks keep the examples quick; a real host takes seconds to minutes.
  const server = await startSimulatorServer(new SimulatedCluster({ taskDurationMs: 400 }));
  const client = new ProxmoxClient({
    baseUrl: server.url,
    token: { id: SIM_AGENT_TOKEN_ID, secret: SIM_AGENT_TOKEN_SECRET },
    tls: { fingerprint: server.fingerprint256 },
  });
  console.error(`(simulated Proxmox VE cluster at ${server.url}; set PVE_* to use a real host)`);
  return {
    client,
    node: 'pve1',
    simulated: true,
    async close() {
      await client.close();
      await server.close();
    },
  };
}
