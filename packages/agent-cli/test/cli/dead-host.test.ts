import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { captureIO } from '../support/capture-io.js';
import {
  type DeadHost,
  plainHttpHost,
  refusingPort,
  silentTcpHost,
  silentTlsHost,
} from '../support/dead-hosts.js';
import { runCli } from '../support/run-cli.js';

// A host that cannot be reached fails the first check once, with the hint for how it failed, and
// the selftest ends within the request timeout plus 2 s: later checks are skipped, not retried.
const SECRET = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98';
const PIN = 'AA:'.repeat(31).concat('AA');
const TIMEOUT_MS = 1500;
const BUDGET_MS = TIMEOUT_MS + 2000;

let dir: string;
let host: DeadHost | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'felhom-dead-host-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await host?.close();
  host = undefined;
});

function configFor(baseUrl: string, fingerprint = PIN): string {
  const path = join(dir, `agent-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({ baseUrl, token: { id: 'felhom@pve!agent', secret: SECRET }, tls: { fingerprint } }),
  );
  chmodSync(path, 0o600);
  return path;
}

async function timedSelftest(config: string, extra: string[] = []) {
  const started = performance.now();
  const run = await runCli(['selftest', '--config', config, '--timeout', String(TIMEOUT_MS), ...extra]);
  return { ...run, ms: performance.now() - started };
}

function expectOneFailureThenSkips(stdout: string): void {
  expect(stdout.match(/^\[FAIL\]/gm)).toHaveLength(1);
  expect(stdout).toMatch(/^\[FAIL\] API reachable: /m);
  expect(stdout.match(/^\[skip\] .*: not run: API reachable failed$/gm)).toHaveLength(5);
  expect(stdout).toContain('0 passed, 1 failed, 5 skipped');
}

describe('selftest against a host that cannot be reached', () => {
  it('TLS up, no HTTP answer: one FAIL with the no-answer hint, within the timeout + 2 s', async () => {
    host = await silentTlsHost();
    const run = await timedSelftest(configFor(host.url, host.fingerprint256));
    expect(run.code).toBe(1);
    expectOneFailureThenSkips(run.stdout);
    expect(run.stdout).toContain(`no answer from ${host.url} within ${TIMEOUT_MS} ms`);
    expect(run.stdout).toContain('took the connection but never answered');
    expect(run.stdout).not.toContain('raise timeouts.requestMs if this persists');
    expect(run.ms).toBeLessThan(BUDGET_MS);
  });

  it('TCP accepted but silent (no TLS handshake): the same, within the timeout + 2 s', async () => {
    host = await silentTcpHost();
    const run = await timedSelftest(configFor(host.url));
    expect(run.code).toBe(1);
    expectOneFailureThenSkips(run.stdout);
    expect(run.stdout).toContain(`no answer from ${host.url} within ${TIMEOUT_MS} ms`);
    expect(run.ms).toBeLessThan(BUDGET_MS);
  });

  it('refused: says nothing listens and names pveproxy, fails once', async () => {
    const url = await refusingPort();
    const run = await timedSelftest(configFor(url));
    expect(run.code).toBe(1);
    expectOneFailureThenSkips(run.stdout);
    expect(run.stdout).toMatch(/refused the connection \(ECONNREFUSED\)/);
    expect(run.stdout).toContain('is pveproxy running on the host');
    expect(run.ms).toBeLessThan(BUDGET_MS);
  });

  it('plain HTTP on the port: says the other side does not speak TLS', async () => {
    host = await plainHttpHost();
    const run = await timedSelftest(configFor(host.url));
    expect(run.code).toBe(1);
    expectOneFailureThenSkips(run.stdout);
    expect(run.stdout).toContain('the other side does not speak TLS');
    expect(run.ms).toBeLessThan(BUDGET_MS);
  });

  it('--json: one document with the failure and the skips', async () => {
    host = await silentTlsHost();
    const run = await timedSelftest(configFor(host.url, host.fingerprint256), ['--json']);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as { checks: { id: string; status: string }[] };
    expect(document.checks.map((check) => check.status)).toEqual([
      'fail',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(run.ms).toBeLessThan(BUDGET_MS);
  });
});

describe('while waiting for a host', () => {
  it('shows a spinner with the check and the seconds spent on a terminal, and clears it', async () => {
    host = await silentTlsHost();
    const io = captureIO({}, { stderr: true });
    const code = await main(
      ['selftest', '--timeout', '1200', '--config', configFor(host.url, host.fingerprint256)],
      io,
      new AbortController().signal,
    );
    expect(code).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the spinner redraws with CR + erase-line
    expect(io.err()).toMatch(/\r\u001B\[2K\S+ API reachable…/);
    expect(io.err()).toContain('API reachable…\u001B[2m 1 s');
    expect(io.out()).toMatch(/^\[FAIL\] API reachable: no answer/m);
    expect(io.err().endsWith('\r\u001B[2K')).toBe(true);
  });

  it('prints no spinner where stderr is not a terminal', async () => {
    host = await silentTlsHost();
    const io = captureIO();
    await main(
      ['selftest', '--timeout', '300', '--config', configFor(host.url, host.fingerprint256)],
      io,
      new AbortController().signal,
    );
    expect(io.err()).not.toContain('API reachable');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control characters off a terminal
    expect(io.err()).not.toMatch(/\u001B/);
  });
});
