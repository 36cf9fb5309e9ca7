/**
 * Restores a golden container from its backup (felhom's primary create path) and waits for the
 * restore task, printing its log as it goes. The host is the simulated cluster or, with the PVE_*
 * variables set, a real one (examples/connect.ts).
 *
 *   npx tsx examples/restore-golden-container.ts
 *
 * Optional for a real host: PVE_VMID (default: the next free id from 900), PVE_ARCHIVE (default:
 * the newest backup on PVE_BACKUP_STORAGE), PVE_BACKUP_STORAGE (default `local`),
 * PVE_TARGET_STORAGE (default `local-lvm`).
 */
import { isProxmoxError } from '@felhom/proxmox';
import { connect } from './connect.js';

const env = process.env;
const host = await connect();
const { client } = host;
try {
  const version = await client.version();
  const { node } = host;
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
  await host.close();
}
