import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../src/runtime/node-version.js';
import { cliPath } from '../support/run-cli.js';

describe('nodeVersionProblem', () => {
  it('accepts the Node.js lines that load ES modules through require()', () => {
    for (const version of ['20.19.0', '20.20.2', '22.12.0', '22.23.3', '23.0.0', '24.21.0', '25.1.0'])
      expect(nodeVersionProblem(version, '/usr/bin/node'), version).toBeUndefined();
  });

  it('refuses older ones, naming both versions and the way out on Debian 12 / PVE 8', () => {
    for (const version of ['18.20.4', '20.18.3', '21.7.3', '22.11.0', '12.22.12']) {
      const problem = nodeVersionProblem(version, '/usr/bin/node');
      expect(problem, version).toContain(
        `needs Node.js 20.19 or later (22.12 or later on the 22 line), found ${version} at /usr/bin/node`,
      );
      expect(problem).toContain('npm install -g --prefix /opt/felhom-agent node@22');
      expect(problem).not.toContain('\n');
    }
  });
});

// Debian 12 / Proxmox VE 8 ship Node.js 18.20.4. The binary comes from the npm registry (the
// `node` package), with npx's cache in the temp folder as the Node 22/24 CI stages keep it.
const NODE_18 = '18.20.4';
const npmEnv = {
  ...process.env,
  npm_config_cache: join(tmpdir(), 'felhom-npx-cache'),
  npm_config_update_notifier: 'false',
};

describe(`the built binary on Node ${NODE_18}`, () => {
  const node18 = execFileSync(
    'npx',
    ['--prefer-offline', '-y', '-p', `node@${NODE_18}`, '--', 'node', '-p', 'process.execPath'],
    {
      env: npmEnv,
      encoding: 'utf8',
    },
  ).trim();

  // The felhom-agent package's bin (what `npx felhom-agent` runs) and the CLI it loads.
  const felhomAgentBin = fileURLToPath(new URL('../../../felhom-agent/bin/felhom-agent.js', import.meta.url));

  it.each([
    ['felhom-agent', felhomAgentBin],
    ['@felhom/agent-cli', cliPath],
  ])('%s exits 2 with one line, for every command', (_name, bin) => {
    expect(execFileSync(node18, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${NODE_18}`);
    for (const args of [['--version'], ['selftest', '--demo'], ['config', 'check'], ['sudoers'], []]) {
      const run = spawnSync(node18, [bin, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`felhom-agent: ${nodeVersionProblem(NODE_18, node18)}\n`);
    }
  });
});
