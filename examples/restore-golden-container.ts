/**
 * Restores a golden container from its backup (felhom's primary create path) and waits for the
 * restore task, printing its log as it goes. Runs against the simulated Proxmox VE host by default (a real HTTPS server on 127.0.0.1
 * with a certificate made at start, pinned by its fingerprint), or against a real host when
 * PVE_BASE_URL, PVE_TOKEN_ID, PVE_TOKEN_SECRET and PVE_FINGERPRINT are set.
 *
 *   npx tsx examples/restore-golden-container.ts
 *
 * Optional for a real host: PVE_NODE (default: the first online node), PVE_VMID (default: the
 * next free id from 900), PVE_ARCHIVE (default: the newest backup on PVE_BACKUP_STORAGE),
 * PVE_BACKUP_STORAGE (default `local`), PVE_TARGET_STORAGE (default `local-lvm`).
 */
import { isProxmoxError, ProxmoxClient } from '@felhom/proxmox';
import {
  SIM_AGENT_TOKEN_ID,
  SIM_AGENT_TOKEN_SECRET,
  SimulatedCluster,
  type SimulatorServer,
  startSimulatorServer,
} from '@felhom/proxmox/testing';

const env = process.env;
const real = env.PVE_BASE_URL && env.PVE_TOKEN_ID && env.PVE_TOKEN_SECRET && env.PVE_FINGERPRINT;

let simulator: SimulatorServer | undefined;
let client: ProxmoxClient;
if (real) {
  client = new ProxmoxClient({
    baseUrl: env.PVE_BASE_URL ?? '',
    token: { id: env.PVE_TOKEN_ID ?? '', secret: env.PVE_TOKEN_SECRET ?? '' },
    tls: { fingerprint: env.PVE_FINGERPRINT ?? '' },
  });
  console.log(`host: ${client.baseUrl} (pinned ${env.PVE_FINGERPRINT})`);
} else {
  // Tasks run for 1.5 s here so the progress lines arrive over several polls.
  simulator = await startSimulatorServer(new SimulatedCluster({ taskDurationMs: 1_500 }));
  client = new ProxmoxClient({
    baseUrl: simulator.url,
    token: { id: SIM_AGENT_TOKEN_ID, secret: SIM_AGENT_TOKEN_SECRET },
    tls: { fingerprint: simulator.fingerprint256 },
  });
  console.log(`host: simulated PVE at ${simulator.url} (pinned ${simulator.fingerprint256})`);
}

try {
  const version = await client.version();
  const nodes = await client.nodes();
  const node = env.PVE_NODE ?? nodes.find((n) => n.status === 'online')?.node ?? 'pve1';
  console.log(`PVE ${version.version}, node ${node}`);

  const backupStorage = env.PVE_BACKUP_STORAGE ?? 'local';
  const backups = await client.storageContent(node, backupStorage, { content: 'backup' });
  const archive = env.PVE_ARCHIVE ?? backups.sort((a, b) => (b.ctime ?? 0) - (a.ctime ?? 0))[0]?.volid;
  if (archive === undefined) throw new Error(`no backup on storage ${backupStorage} of node ${node}`);

  const taken = new Set((await client.clusterResources('vm')).map((r) => r.vmid));
  let vmid = Number(env.PVE_VMID ?? 900);
  while (!env.PVE_VMID && taken.has(vmid)) vmid++;

  console.log(`restoring ${archive} as CT ${vmid} on ${node}…`);
  const upid = await client.restoreLXC(node, {
    vmid,
    archive,
    storage: env.PVE_TARGET_STORAGE ?? 'local-lvm',
    hostname: `restored-${vmid}`,
    unique: true,
  });
  console.log(`task ${upid.type} started: ${upid.raw}`);
  const result = await client.waitTask(upid, {
    onProgress: ({ lines }) => {
      for (const line of lines) console.log(`  | ${line.text}`);
    },
  });
  const status = await client.guestStatus(node, vmid);
  const config = await client.guestConfig(node, vmid);
  console.log(
    `done: ${result.exitStatus}; CT ${status.vmid} "${config.hostname}" is ${status.status}, root ${config.rootfs?.volume} (${config.rootfs?.size ?? '?'})`,
  );
} catch (error) {
  console.error(isProxmoxError(error) ? `${error.name} (${error.reason}): ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await client.close();
  await simulator?.close();
}
