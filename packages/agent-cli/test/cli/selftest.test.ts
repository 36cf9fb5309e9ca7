import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type SimulatedCluster as Cluster,
  SIM_AGENT_PRIVILEGES,
  SIM_AGENT_TOKEN_ID,
  SIM_AGENT_TOKEN_SECRET,
  SimulatedCluster,
  type SimulatorServer,
  startSimulatorServer,
} from '@felhom/proxmox/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allRuns, runCli } from '../support/run-cli.js';

// The --json document as docs/cli.md documents it.
const checkSchema = v.strictObject({
  id: v.string(),
  title: v.string(),
  status: v.picklist(['ok', 'fail', 'skipped']),
  evidence: v.string(),
  hint: v.optional(v.string()),
  durationMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const documentSchema = v.strictObject({
  schemaVersion: v.literal(1),
  tool: v.strictObject({ name: v.literal('felhom-agent'), version: v.string() }),
  target: v.nullable(
    v.strictObject({
      baseUrl: v.string(),
      tokenId: v.string(),
      node: v.nullable(v.string()),
      tls: v.string(),
      demo: v.boolean(),
    }),
  ),
  ok: v.boolean(),
  summary: v.strictObject({ passed: v.number(), failed: v.number(), skipped: v.number() }),
  checks: v.array(checkSchema),
  configErrors: v.optional(
    v.array(
      v.strictObject({
        origin: v.string(),
        field: v.string(),
        expected: v.string(),
        got: v.nullable(v.string()),
        message: v.string(),
      }),
    ),
  ),
});

const LIMITED_SECRET = '7d0e5b1c-3a2f-4e8d-9c6b-5a4f3e2d1c0b';
const secrets = [SIM_AGENT_TOKEN_SECRET, LIMITED_SECRET];

let dir: string;
let cluster: Cluster;
let server: SimulatorServer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'felhom-selftest-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // Nothing any run printed, on either stream, may contain a token secret.
  for (const run of allRuns) {
    for (const secret of secrets) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  }
});

beforeEach(async () => {
  cluster = new SimulatedCluster({ taskDurationMs: 600 });
  server = await startSimulatorServer(cluster);
});
afterEach(async () => {
  await server.close();
});

function writeConfig(overrides: Record<string, unknown> = {}): string {
  const path = join(dir, `agent-${Math.random().toString(36).slice(2)}.json`);
  const config = {
    baseUrl: server.url,
    token: { id: SIM_AGENT_TOKEN_ID, secret: SIM_AGENT_TOKEN_SECRET },
    tls: { fingerprint: server.fingerprint256 },
    ...overrides,
  };
  writeFileSync(path, JSON.stringify(config));
  chmodSync(path, 0o600);
  return path;
}

const selftestSnapshots = (vmid: number) =>
  [...(cluster.guest(vmid)?.snapshots.keys() ?? [])].filter((name) => name.startsWith('felhom-selftest-'));

describe('selftest --demo', () => {
  it('passes every check against the embedded simulated cluster and exits 0', async () => {
    const run = await runCli(['selftest', '--demo']);
    expect(run.code).toBe(0);
    for (const title of [
      'API reachable',
      'Cluster nodes',
      'Node status',
      'Token privileges',
      'Containers',
      'Storage',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^\\[ ok \\] ${title}: `, 'm'));
    }
    expect(run.stdout).toMatch(/^\[ ok \] Task: delete snapshot: felhom-selftest-\S+ removed/m);
    expect(run.stdout).not.toContain('[FAIL]');
    expect(run.stderr).toMatch(/demo: simulated Proxmox VE cluster at https:\/\/127\.0\.0\.1:\d+/);
  });

  it('prints one JSON document matching the documented schema with --json', async () => {
    const run = await runCli(['selftest', '--demo', '--json']);
    expect(run.code).toBe(0);
    const document = v.parse(documentSchema, JSON.parse(run.stdout));
    expect(document.ok).toBe(true);
    expect(document.target?.demo).toBe(true);
    expect(document.checks.map((check) => check.id)).toEqual([
      'api',
      'nodes',
      'node-status',
      'privileges',
      'guests',
      'storage',
      'snapshot-create',
      'snapshot-list',
      'snapshot-delete',
    ]);
    expect(document.summary).toEqual({ passed: 9, failed: 0, skipped: 0 });
  });
});

describe('selftest --demo --vmid', () => {
  it('snapshots the named container of the demo cluster', async () => {
    const run = await runCli(['selftest', '--demo', '--vmid', '101']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\[ ok \] Task: create snapshot: felhom-selftest-\S+ of CT 101: /m);
  });
});

describe('selftest against a simulated host over real HTTPS', () => {
  it('passes with the right pin and reports node, guests and storage', async () => {
    const run = await runCli(['selftest', '--config', writeConfig({ node: 'pve1' })]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`TLS: fingerprint ${server.fingerprint256}`);
    // pve1 also runs a VM (102): the containers check counts containers only
    expect(run.stdout).toMatch(/^\[ ok \] Containers: 2 on pve1 \(1 running\): /m);
  });

  it('fails on a wrong pin before any request reaches the host, showing the presented fingerprint', async () => {
    const wrong = server.fingerprint256.replace(/^../, server.fingerprint256.startsWith('00') ? '11' : '00');
    const run = await runCli(['selftest', '--config', writeConfig({ tls: { fingerprint: wrong } })]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`[FAIL] API reachable: TLS pin mismatch: expected ${wrong}`);
    expect(run.stdout).toContain(`the host presented ${server.fingerprint256}`);
    expect(run.stdout).toContain('pvenode cert info');
    expect(run.stdout).toMatch(/^\[skip\] Cluster nodes: not run: API reachable failed/m);
    expect(cluster.requests).toHaveLength(0);
  });

  it('fails storage with the exact pveum hint when the token lacks Datastore.Audit', async () => {
    const id = 'felhom@pve!limited';
    cluster.addToken({
      id,
      secret: LIMITED_SECRET,
      privileges: SIM_AGENT_PRIVILEGES.filter((privilege) => privilege !== 'Datastore.Audit'),
    });
    const run = await runCli([
      'selftest',
      '--config',
      writeConfig({ token: { id, secret: LIMITED_SECRET } }),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\[FAIL\] Storage: .*Datastore\.Audit/m);
    expect(run.stdout).toContain(
      `pveum acl modify /storage --tokens '${id}' --roles FelhomAgent --propagate 1`,
    );
  });

  it('fails the nodes check for an offline node, naming the online ones, and skips the rest', async () => {
    cluster.setNodeOnline('pve2', false);
    const run = await runCli(['selftest', '--node', 'pve2', '--config', writeConfig()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\[FAIL\] Cluster nodes: node pve2 is offline \(GET \/nodes\)/m);
    expect(run.stdout).toContain(
      'set node (FELHOM_AGENT_NODE, "node" in the config or --node) to one of: pve1, pve3',
    );
    expect(run.stdout).toMatch(/^\[skip\] Node status: not run: Cluster nodes failed$/m);
    expect(run.stdout.match(/^\[FAIL\]/gm)).toHaveLength(1);
  });

  it('names the real nodes when the configured node does not exist', async () => {
    const run = await runCli(['selftest', '--config', writeConfig({ node: 'pve1.example.com' })]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'no cluster node is named "pve1.example.com"; the nodes are pve1, pve2, pve3',
    );
    expect(run.stdout).toContain("a host's SSH alias or FQDN is not its node name");
  });

  it('explains a rejected token (401) with the token id format', async () => {
    const run = await runCli([
      'selftest',
      '--config',
      writeConfig({ token: { id: SIM_AGENT_TOKEN_ID, secret: '00000000-0000-4000-8000-000000000000' } }),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`the host rejected the token ${SIM_AGENT_TOKEN_ID} (401`);
    expect(run.stdout).toContain('USER@REALM!TOKENID');
  });

  describe('--task', () => {
    it('creates, lists and deletes a throwaway snapshot and leaves none behind', async () => {
      const run = await runCli([
        'selftest',
        '--task',
        '--vmid',
        '100',
        '--config',
        writeConfig({ node: 'pve1' }),
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^\[ ok \] Task: create snapshot: felhom-selftest-/m);
      expect(run.stdout).toMatch(/^\[ ok \] Task: snapshot listed: /m);
      expect(selftestSnapshots(100)).toEqual([]);
      expect(cluster.tasks.some((task) => task.upid.includes(':vzrollback:'))).toBe(false);
    });

    it('still removes the snapshot when the delete step fails once', async () => {
      cluster.scriptTaskOutcome({ type: 'vzdelsnapshot' }, { kind: 'error', message: 'injected failure' }, 1);
      const run = await runCli([
        'selftest',
        '--task',
        '--vmid',
        '100',
        '--config',
        writeConfig({ node: 'pve1' }),
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /^\[FAIL\] Task: delete snapshot: task vzdelsnapshot failed: injected failure/m,
      );
      expect(run.stderr).toMatch(/cleanup: snapshot felhom-selftest-\S+ removed/);
      expect(selftestSnapshots(100)).toEqual([]);
    });

    it('cleans up and exits 130 on SIGINT while the snapshot task runs', async () => {
      let sent = false;
      const run = await runCli(
        ['selftest', '--task', '--vmid', '100', '--config', writeConfig({ node: 'pve1' })],
        {
          onStderr: (text, child) => {
            if (!sent && /snapshot felhom-selftest-\S+ of CT 100/.test(text)) {
              sent = true;
              child.kill('SIGINT');
            }
          },
        },
      );
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr).toMatch(
        /interrupted; the throwaway snapshot felhom-selftest-\S+ is not left behind/,
      );
      expect(selftestSnapshots(100)).toEqual([]);
    });

    it('fails once on a container that does not exist, with no cleanup advice', async () => {
      const run = await runCli([
        'selftest',
        '--task',
        '--vmid',
        '999',
        '--config',
        writeConfig({ node: 'pve1' }),
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^\[FAIL\] Task: create snapshot: no CT 999 on node pve1$/m);
      expect(run.stdout).toContain('the containers on pve1 are 100, 101');
      expect(run.stdout.match(/^\[FAIL\]/gm)).toHaveLength(1);
      expect(run.stdout).toMatch(/^\[skip\] Task: snapshot listed: not run: Task: create snapshot failed$/m);
      expect(run.stdout).toMatch(/^\[skip\] Task: delete snapshot: not run/m);
      expect(run.stderr).not.toContain('cleanup:');
      expect(run.stderr).not.toContain('pct delsnapshot');
      expect(cluster.tasks.some((task) => task.upid.includes(':vzsnapshot:'))).toBe(false);
    });

    it('refuses --task without --vmid (exit 2)', async () => {
      const run = await runCli(['selftest', '--task', '--config', writeConfig()]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--task needs --vmid N');
    });
  });
});

describe('config errors, as the binary reports them', () => {
  it('bad JSON: exit 2, names the file', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"baseUrl": ');
    const run = await runCli(['selftest', '--config', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^felhom-agent: config error: ${path}: expected valid JSON, got `));
    expect(run.stdout).toBe('');
  });

  it('--json: one document listing every problem, exit 2', async () => {
    const path = writeConfig({
      token: { id: 'felhom', secret: SIM_AGENT_TOKEN_SECRET },
      tls: { fingerprint: 'AB:CD' },
    });
    const run = await runCli(['selftest', '--json', '--config', path]);
    expect(run.code).toBe(2);
    const document = v.parse(documentSchema, JSON.parse(run.stdout));
    expect(document).toMatchObject({ ok: false, target: null, checks: [] });
    expect(document.configErrors?.map((problem) => problem.field)).toEqual(['token.id', 'tls.fingerprint']);
  });

  it('config check and selftest refuse the same config with the same messages', async () => {
    for (const tls of [
      { fingerprint: 'AB:CD' },
      { fingerprint: `sha256 Fingerprint=${server.fingerprint256}` },
    ]) {
      const path = writeConfig({ tls });
      const check = await runCli(['config', 'check', '--config', path]);
      const selftest = await runCli(['selftest', '--config', path]);
      expect(check.code).toBe(2);
      expect(selftest.code).toBe(2);
      expect(check.stderr).toMatch(/config error: .*tls\.fingerprint: expected a SHA-256 fingerprint/);
      expect(selftest.stderr).toBe(check.stderr);
    }
    const path = writeConfig({ token: { id: 'felhom', secret: SIM_AGENT_TOKEN_SECRET } });
    const check = await runCli(['config', 'check', '--json', '--config', path]);
    expect(check.code).toBe(2);
    expect(JSON.parse(check.stdout)).toMatchObject({
      valid: false,
      errors: [{ field: 'token.id', got: 'an id not repeated here' }],
    });
  });

  it('missing field: exit 2, names the field and the variable that could supply it', async () => {
    const path = writeConfig({ token: { secret: SIM_AGENT_TOKEN_SECRET } });
    const run = await runCli(['config', 'check', '--config', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `felhom-agent: config error: ${path}: token.id: expected a value, from the file or FELHOM_AGENT_TOKEN_ID, got nothing\n`,
    );
  });

  it('wrong type: exit 2, names the field and the type', async () => {
    const path = writeConfig({ timeouts: { requestMs: 'soon' } });
    const run = await runCli(['selftest', '--config', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `felhom-agent: config error: ${path}: timeouts.requestMs: expected number, got "soon"\n`,
    );
  });

  it('a malformed token id is refused as a config error naming its source', async () => {
    const path = writeConfig({ token: { id: 'root@pam', secret: SIM_AGENT_TOKEN_SECRET } });
    const run = await runCli(['selftest', '--config', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`config error: ${path}: token.id: expected`);
  });

  it('the environment overrides the file (node from FELHOM_AGENT_NODE)', async () => {
    const path = writeConfig({ node: 'pve1' });
    const run = await runCli(['config', 'check', '--config', path], { env: { FELHOM_AGENT_NODE: 'pve3' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/node\s+pve3\s+\(env FELHOM_AGENT_NODE\)/);
  });

  it('reads the secret from a secret file given by FELHOM_AGENT_TOKEN_SECRET_FILE and passes', async () => {
    const secretFile = join(dir, 'token');
    writeFileSync(secretFile, `${SIM_AGENT_TOKEN_SECRET}\n`, { mode: 0o600 });
    const path = writeConfig({ token: { id: SIM_AGENT_TOKEN_ID } });
    const run = await runCli(['selftest', '--config', path], {
      env: { FELHOM_AGENT_TOKEN_SECRET_FILE: secretFile },
    });
    expect(run.code).toBe(0);
  });
});
