/**
 * Backs up one container with vzdump and follows the task's log until it ends.
 *
 *   npx tsx examples/backup-and-wait.ts [VMID]
 */
import { isProxmoxError } from '@felhom/proxmox';
import { connect } from './connect.js';

const vmid = Number(process.argv[2] ?? 100);
const host = await connect();
try {
  const upid = await host.client.vzdump(host.node, {
    vmid,
    mode: 'snapshot',
    storage: 'local',
    compress: 'zstd',
  });
  if (upid === null) {
    console.log(`CT ${vmid} is not on ${host.node}: nothing to back up there`);
  } else {
    console.log(`started ${upid.type} on ${upid.node}: ${upid.raw}`);
    const result = await host.client.waitTask(upid, {
      onProgress: ({ lines }) => {
        for (const line of lines) console.log(`  ${line.text}`);
      },
    });
    console.log(`backup of CT ${vmid} ended ${result.exitStatus}`);
  }
} catch (error) {
  // A failed task throws TaskError with the exit status and the last log lines.
  if (isProxmoxError(error)) console.error(`backup failed (${error.reason}): ${error.message}`);
  process.exitCode = 1;
} finally {
  await host.close();
}
