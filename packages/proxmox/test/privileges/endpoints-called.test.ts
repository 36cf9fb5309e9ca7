import type { ProxmoxClient } from '@felhom/proxmox';
import { type ClientMethodName, requiredPrivileges } from '@felhom/proxmox/privileges';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../resources/simulator.js';

// Every endpoint a task method really calls is listed in its requiredPrivileges entry, so a
// token checked against the table can make every request the method makes.
const sim = useSimulator(() => ({ taskDurationMs: 300 }));

const calls: Record<string, (client: ProxmoxClient, upid: string) => Promise<unknown>> = {
  taskStatusOnce: (client, upid) => client.taskStatusOnce(upid),
  taskLogTail: (client, upid) => client.taskLogTail(upid, 5),
  taskLog: async (client, upid) => {
    for await (const _line of client.taskLog(upid, { minDelay: 50, maxDelay: 50 })) {
      // read it all
    }
  },
  waitTask: (client, upid) => client.waitTask(upid, { onProgress: () => undefined }),
};

describe('the endpoints of the task methods', () => {
  it.each(Object.keys(calls))('%s calls only endpoints its entry lists', async (method) => {
    const upid = (await sim.client.start('pve1', 101)).raw;
    const before = sim.cluster.requests.length;
    await calls[method]?.(sim.client, upid);
    const called = new Set(sim.cluster.requests.slice(before).map((entry) => entry.endpoint));
    const listed = requiredPrivileges[method as ClientMethodName].endpoints.map(
      (endpoint) => `${endpoint.method} ${endpoint.path}`,
    );
    expect([...called].sort()).toEqual([...listed].sort());
  });
});
