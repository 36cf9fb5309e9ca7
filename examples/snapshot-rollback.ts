/**
 * Takes a snapshot, changes the container, rolls back to the snapshot and removes it again.
 *
 *   npx tsx examples/snapshot-rollback.ts [VMID]
 */
import { connect } from './connect.js';

const vmid = Number(process.argv[2] ?? 101);
const host = await connect();
const { client, node } = host;
const name = `example-${Date.now().toString(36)}`;
try {
  await client.waitTask(await client.snapshot(node, vmid, { name, description: 'example: before a change' }));
  // Read the config after the snapshot: taking one rewrites the config file, so its digest changes.
  const before = await client.guestConfig(node, vmid);
  console.log(`snapshot ${name} taken (memory ${before.memory} MiB)`);

  // The digest makes the change fail with a `conflict` error if someone else edited the config.
  await client.setConfig(node, vmid, { memory: (before.memory ?? 512) * 2 }, { digest: before.digest });
  console.log(`memory now ${(await client.guestConfig(node, vmid)).memory} MiB`);

  await client.waitTask(await client.rollback(node, vmid, name));
  console.log(`rolled back: memory ${(await client.guestConfig(node, vmid)).memory} MiB again`);

  await client.waitTask(await client.deleteSnapshot(node, vmid, name));
  const left = (await client.listSnapshots(node, vmid)).snapshots.map((snapshot) => snapshot.name);
  console.log(`snapshot ${name} removed; snapshots now: ${left.join(', ') || 'none'}`);
} finally {
  await host.close();
}
