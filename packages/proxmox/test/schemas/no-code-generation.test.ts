import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The response checkers are generated at build time, never at run time: a fresh Node process
// that forbids code generation from strings (no `eval`, no `new Function`) reads answers from
// the simulated host through the client, on the generated checkers' path.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const entry = new URL('../../src/index.ts', import.meta.url).href;
const testingEntry = new URL('../../src/testing/index.ts', import.meta.url).href;
const schemasEntry = new URL('../../src/entries/schemas.ts', import.meta.url).href;
const checkedSchemaEntry = new URL('../../src/schemas/checked-schema.ts', import.meta.url).href;

const script = `
const sdk = await import(${JSON.stringify(entry)});
const sim = await import(${JSON.stringify(testingEntry)});
const report = {};
try {
  new Function('return 1');
  report.codeGeneration = 'allowed';
} catch (error) {
  report.codeGeneration = error.constructor.name;
}
const cluster = new sim.SimulatedCluster();
const server = await sim.startSimulatorServer(cluster);
const client = new sdk.ProxmoxClient({
  baseUrl: server.url,
  token: { id: sim.SIM_AGENT_TOKEN_ID, secret: sim.SIM_AGENT_TOKEN_SECRET },
  tls: { fingerprint: server.fingerprint256 },
});
const { lxcListSchema } = await import(${JSON.stringify(schemasEntry)});
const { fastPathOf } = await import(${JSON.stringify(checkedSchemaEntry)});
const { data } = await client.request('GET', '/nodes/pve1/lxc');
report.checkerAccepts = fastPathOf(lxcListSchema).check(data);
const guests = await client.listLXC('pve1');
report.guests = guests.map((guest) => ({ vmid: guest.vmid, template: guest.template, tags: guest.tags }));
report.resources = (await client.clusterResources()).length;
report.nodeStatus = typeof (await client.nodeStatus('pve1')).loadavg[0];
await client.close();
await server.close();
console.log(JSON.stringify(report));
`;

describe('reading answers without code generation from strings', () => {
  it('lists guests, cluster resources and node status under --disallow-code-generation-from-strings', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: repoRoot, timeout: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    // The flag took effect: the process could not have compiled a checker at run time.
    expect(report.codeGeneration).toBe('EvalError');
    // The simulator's list is one the generated checker reads (not left to valibot).
    expect(report.checkerAccepts).toBe(true);
    expect(report.guests.length).toBeGreaterThan(0);
    for (const guest of report.guests) {
      expect(typeof guest.vmid).toBe('number');
      expect(typeof guest.template).toBe('boolean');
      expect(Array.isArray(guest.tags)).toBe(true);
    }
    expect(report.resources).toBeGreaterThan(0);
    expect(report.nodeStatus).toBe('number');
  }, 60_000);
});
