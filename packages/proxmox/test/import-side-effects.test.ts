import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// A fresh Node process, because this test process has long since loaded undici and used fetch.
// The script imports the package's sources (through tsx), builds a pinned client, then makes one
// real pinned request to the simulated host, and reports the process-wide fetch dispatcher slots
// at each step.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = new URL('../src/index.ts', import.meta.url).href;
const testingEntry = new URL('../src/testing/index.ts', import.meta.url).href;

const script = `
const v1 = Symbol.for('undici.globalDispatcher.1');
const v2 = Symbol.for('undici.globalDispatcher.2');
const slots = () => ({ v1: globalThis[v1] === undefined ? 'unset' : globalThis[v1].constructor.name, v2: globalThis[v2] === undefined ? 'unset' : 'set' });
const report = { initial: slots() };
const sdk = await import(${JSON.stringify(entry)});
report.afterImport = slots();
const sim = await import(${JSON.stringify(testingEntry)});
const cluster = new sim.SimulatedCluster();
const server = await sim.startSimulatorServer(cluster);
const client = new sdk.ProxmoxClient({
  baseUrl: server.url,
  token: { id: sim.SIM_AGENT_TOKEN_ID, secret: sim.SIM_AGENT_TOKEN_SECRET },
  tls: { fingerprint: server.fingerprint256 },
});
report.afterClient = slots();
report.release = (await client.version()).release;
report.afterRequest = slots();
// Node's own fetch installs its bundled undici's dispatcher on first use (slot 1 on Node 20/22,
// slot 2 on Node 24, whose bundled undici is 7); what must never be there is the undici
// *package's* Agent, which lib/global.js would install.
const { createRequire } = await import('node:module');
const requireFromSdk = createRequire(${JSON.stringify(entry)});
const PackageAgent = requireFromSdk('undici/lib/dispatcher/agent.js');
report.packageAgentInstalled = [v1, v2].some((slot) => globalThis[slot] instanceof PackageAgent);
await client.close();
await server.close();
console.log(JSON.stringify(report));
`;

describe('importing @felhom/proxmox', () => {
  it('leaves the process-wide fetch dispatcher alone (undici 7 is never installed globally)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: repoRoot, timeout: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(report.initial).toEqual({ v1: 'unset', v2: 'unset' });
    expect(report.afterImport).toEqual(report.initial);
    // Building a pinned client loads undici's Agent and connector, still without lib/global.js.
    expect(report.afterClient).toEqual(report.initial);
    expect(report.release).toBe('9.1');
    // The pinned request worked, and no global slot holds the undici package's Agent.
    expect(report.packageAgentInstalled).toBe(false);
  }, 60_000);
});
