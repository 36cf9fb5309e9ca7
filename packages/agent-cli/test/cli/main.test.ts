import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { captureIO } from '../support/capture-io.js';

const SECRET = '0c5e2f9a-4b7d-4c1e-8a3f-2d6b9e1c7a55';
const never = new AbortController().signal;
const version = (await import('../../package.json', { with: { type: 'json' } })).default.version;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'felhom-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('main', () => {
  it('prints the version on stdout for --version', async () => {
    const io = captureIO();
    expect(await main(['--version'], io, never)).toBe(0);
    expect(io.out()).toBe(`felhom-agent ${version}\n`);
    expect(io.err()).toBe('');
  });

  it('prints version --json as one JSON document', async () => {
    const io = captureIO();
    expect(await main(['version', '--json'], io, never)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ name: '@felhom/agent-cli', version, node: process.version });
  });

  it('lists every command in --help, on stdout', async () => {
    const io = captureIO();
    expect(await main(['--help'], io, never)).toBe(0);
    expect(io.out()).toContain('config check');
    expect(io.out()).toContain('version');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const io = captureIO();
    expect(await main([], io, never)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('USAGE');
  });

  it('exits 2 on an unknown command, saying which', async () => {
    const io = captureIO();
    expect(await main(['selftst'], io, never)).toBe(2);
    expect(io.err()).toBe(
      'felhom-agent: unknown command "selftst"; run "felhom-agent --help" for the list\n',
    );
  });

  it('exits 2 on an unknown option instead of ignoring it', async () => {
    const io = captureIO();
    expect(await main(['version', '--jsno'], io, never)).toBe(2);
    expect(io.err()).toContain('unknown option "--jsno" for "version"');
  });

  it('exits 2 when a group is called without its subcommand', async () => {
    const io = captureIO();
    expect(await main(['config'], io, never)).toBe(2);
    expect(io.err()).toContain('"config" needs a subcommand: check');
  });

  it('shows the subcommands of a group for `config --help`, exit 0', async () => {
    const io = captureIO();
    expect(await main(['config', '--help'], io, never)).toBe(0);
    expect(io.out()).toContain('felhom-agent config <command> [options]');
    expect(io.out()).toMatch(/^ {2}check {2}Load and validate the config/m);
    expect(io.err()).toBe('');
  });

  it('spells every flag in kebab-case in help and accepts it so', async () => {
    const io = captureIO();
    expect(await main(['sudoers', '--help'], io, never)).toBe(0);
    expect(io.out()).toContain('--mount-base');
    expect(io.out()).not.toMatch(/--[a-z]+[A-Z]/);
  });

  it('shows a command help with its full name and no colour when not a TTY', async () => {
    const io = captureIO();
    expect(await main(['config', 'check', '--help'], io, never)).toBe(0);
    expect(io.out()).toContain('felhom-agent config check');
    expect(io.out()).toContain('--config');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes on purpose
    expect(io.out()).not.toMatch(/\u001B\[/);
  });

  describe('config check', () => {
    function writeConfig(content: string, mode = 0o600): string {
      const path = join(dir, 'agent.json');
      writeFileSync(path, content);
      chmodSync(path, mode);
      return path;
    }

    it('prints effective values, their sources and a masked secret', async () => {
      const path = writeConfig(
        JSON.stringify({ baseUrl: 'https://pve:8006', token: { id: 'felhom@pve!agent', secret: SECRET } }),
      );
      const io = captureIO({ FELHOM_AGENT_NODE: 'pve2' });
      expect(await main(['config', 'check', '--config', path], io, never)).toBe(0);
      expect(io.out()).toMatch(new RegExp(`baseUrl\\s+https://pve:8006\\s+\\(file ${path}\\)`));
      expect(io.out()).toMatch(/node\s+pve2\s+\(env FELHOM_AGENT_NODE\)/);
      expect(io.out()).toMatch(/token\.secret\s+\*{8}/);
      expect(io.out()).not.toContain(SECRET);
    });

    it('keeps the secret out of --json too', async () => {
      const path = writeConfig(
        JSON.stringify({ baseUrl: 'https://pve:8006', token: { id: 'felhom@pve!agent', secret: SECRET } }),
      );
      const io = captureIO();
      expect(await main(['config', 'check', '--json', '--config', path], io, never)).toBe(0);
      const document = JSON.parse(io.out());
      expect(document.values['token.secret']).toEqual({ value: '********', source: `file ${path}` });
      expect(io.out()).not.toContain(SECRET);
    });

    it('exits 2 on bad JSON, naming the file', async () => {
      const path = writeConfig('{"baseUrl": "https://pve:8006",');
      const io = captureIO();
      expect(await main(['config', 'check', '--config', path], io, never)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`^felhom-agent: config error: ${path}: expected valid JSON, got `));
      expect(io.out()).toBe('');
    });

    it('warns about a world-readable config holding the secret, on stderr', async () => {
      const path = writeConfig(
        JSON.stringify({ baseUrl: 'https://pve:8006', token: { id: 'felhom@pve!agent', secret: SECRET } }),
        0o644,
      );
      const io = captureIO();
      expect(await main(['config', 'check', '--config', path], io, never)).toBe(0);
      expect(io.err()).toContain(`warning: ${path} holds the token secret and is world-readable`);
    });
  });
});
