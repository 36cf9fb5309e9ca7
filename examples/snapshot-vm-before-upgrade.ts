/**
 * Snapshots a VM (the Home Assistant OS VM, by default) before an upgrade, with its RAM when it
 * runs, and keeps the three newest such snapshots. With --rollback it instead rolls the VM back
 * to the newest one: with the RAM saved, the VM resumes where it was when the snapshot was taken.
 *
 *   npx tsx examples/snapshot-vm-before-upgrade.ts [VMID] [--rollback]
 */
import { connect } from './connect.js';

const args = process.argv.slice(2);
const vmid = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 102);
const rollback = args.includes('--rollback');
const prefix = 'before-upgrade-';
const keep = 3;

const host = await connect();
const { client, node } = host;
try {
  const status = await client.vmStatus(node, vmid);
  console.log(
    `VM ${vmid} "${status.name ?? '?'}" is ${status.status}${status.agent ? ' (guest agent on)' : ''}`,
  );
  const ours = (await client.listVMSnapshots(node, vmid)).snapshots
    .filter((snapshot) => snapshot.name.startsWith(prefix))
    .sort((a, b) => (b.snaptime ?? 0) - (a.snaptime ?? 0));

  if (rollback) {
    const [newest] = ours;
    if (!newest) throw new Error(`VM ${vmid} has no ${prefix}* snapshot to roll back to`);
    await client.waitTask(await client.rollbackVM(node, vmid, newest.name));
    console.log(`rolled back to ${newest.name}; VM ${vmid} is ${(await client.vmStatus(node, vmid)).status}`);
  } else {
    // A sortable stamp that is a valid snapshot name: letters, digits, '-' and '_' only.
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const name = `${prefix}${stamp}`;
    const vmstate = status.status === 'running';
    const upid = await client.snapshotVM(node, vmid, { name, vmstate, description: 'before an upgrade' });
    await client.waitTask(upid, {
      onProgress: ({ lines }) => {
        for (const line of lines) console.log(`  | ${line.text}`);
      },
    });
    console.log(`snapshot ${name} taken${vmstate ? ' with RAM' : ''}`);

    for (const old of ours.slice(keep - 1)) {
      await client.waitTask(await client.deleteVMSnapshot(node, vmid, old.name));
      console.log(`removed the older snapshot ${old.name}`);
    }
    const names = (await client.listVMSnapshots(node, vmid)).snapshots.map((snapshot) => snapshot.name);
    console.log(`snapshots of VM ${vmid}: ${names.join(', ')}`);
    console.log('upgrade now; if it goes wrong: npx tsx examples/snapshot-vm-before-upgrade.ts --rollback');
  }
} finally {
  await host.close();
}
