/**
 * Lists the containers on a node with their state and resources.
 *
 *   npx tsx examples/list-guests.ts
 */
import { connect } from './connect.js';

const host = await connect();
try {
  const guests = await host.client.listLXC(host.node);
  console.log(`${guests.length} containers on ${host.node}`);
  for (const guest of guests.sort((a, b) => a.vmid - b.vmid)) {
    const memory = guest.maxmem ? `${Math.round(guest.maxmem / 2 ** 20)} MiB` : '?';
    console.log(`${guest.vmid}\t${guest.status}\t${guest.name ?? ''}\t${memory}`);
  }
} finally {
  await host.close();
}
