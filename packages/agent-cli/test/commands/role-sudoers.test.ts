import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentRolePrivileges } from '@felhom/proxmox/privileges';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { captureIO } from '../support/capture-io.js';

const never = new AbortController().signal;
const visudo = ['/usr/sbin/visudo', '/usr/bin/visudo'].find((path) => existsSync(path));
// .ci/run installs sudo, so CI always checks the drop-in with the real visudo; elsewhere the
// check is skipped with the reason printed.
if (!visudo) {
  if (process.env.CI === 'true') throw new Error('CI=true but visudo is missing (.ci/run installs sudo)');
  console.warn(
    '[sudoers] skipped: visudo is not installed (apt install sudo) — the drop-in is not checked by visudo',
  );
}

describe('role', () => {
  it('prints the role, user, token and ACL commands for the default token', async () => {
    const io = captureIO();
    expect(await main(['role'], io, never)).toBe(0);
    const commands = io
      .out()
      .split('\n')
      .filter((line) => line.startsWith('pveum'));
    expect(commands).toEqual([
      `pveum role add FelhomAgent --privs '${agentRolePrivileges.join(',')}'`,
      "pveum user add 'felhom@pve' --comment 'felhom agent'",
      "pveum user token add 'felhom@pve' agent --privsep 1 --output-format json",
      "pveum acl modify / --users 'felhom@pve' --roles FelhomAgent --propagate 1",
      "pveum acl modify / --tokens 'felhom@pve!agent' --roles FelhomAgent --propagate 1",
    ]);
  });

  it('uses --token and --path, and prints JSON on request', async () => {
    const io = captureIO();
    expect(await main(['role', '--token', 'ops@pam!felhom', '--path', '/vms', '--json'], io, never)).toBe(0);
    const document = JSON.parse(io.out());
    expect(document.tokenId).toBe('ops@pam!felhom');
    expect(document.privileges).toEqual([...agentRolePrivileges]);
    expect(document.commands).toContain(
      "pveum acl modify /vms --tokens 'ops@pam!felhom' --roles FelhomAgent --propagate 1",
    );
  });

  it('exits 2 on a token id that is not USER@REALM!NAME', async () => {
    const io = captureIO();
    expect(await main(['role', '--token', "x'; rm -rf /"], io, never)).toBe(2);
    expect(io.err()).toContain('invalid tokenId');
    expect(io.out()).toBe('');
  });
});

describe('sudoers', () => {
  it("refuses, exit 1, with the library's message when the helper it would pin is not root's alone", async () => {
    // In this test process the library's default helper path is the source tree's
    // packages/privileged/src/fstab-helper.js, which does not exist: the install check says so.
    const io = captureIO();
    expect(await main(['sudoers', '--user', 'felhomsvc', '--mount-base', '/srv/felhom/usb'], io, never)).toBe(
      1,
    );
    expect(io.out()).toBe('');
    expect(io.err()).toContain('refusing to generate the sudoers drop-in');
    expect(io.err()).toMatch(/fstab-helper\.js: does not exist/);
    expect(io.err()).toContain('Fix: install Node.js and the package under a prefix only root can write');
  });

  // A root-owned install to generate from: the CLI and the helper bundled side by side (the
  // library pins the fstab-helper.js beside its own module), in a directory only root can write.
  const asRoot = process.geteuid?.() === 0;
  if (!asRoot) {
    if (process.env.CI === 'true') throw new Error('CI=true but the sudoers install test needs root');
    console.warn(
      '[sudoers] skipped: generating a drop-in needs a root-owned install (run the tests as root)',
    );
  }
  it.skipIf(!asRoot)(
    'from a root-owned install: the drop-in alone on stdout, the install steps on stderr, and visudo accepts it',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'felhom-sudoers-'));
      try {
        const repo = fileURLToPath(new URL('../../../../', import.meta.url));
        // Package names map to the source folders, so their subpaths (…/testing) resolve too.
        const alias = {
          '@felhom/privileged': join(repo, 'packages/privileged/src'),
          '@felhom/proxmox': join(repo, 'packages/proxmox/src'),
        };
        const common = {
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          logLevel: 'silent',
          alias,
        } as const;
        await build({
          ...common,
          entryPoints: [join(repo, 'packages/agent-cli/src/cli.ts')],
          outfile: join(dir, 'cli.mjs'),
        });
        await build({
          ...common,
          entryPoints: [join(repo, 'packages/privileged/src/fstab-helper.ts')],
          outfile: join(dir, 'fstab-helper.js'),
        });
        writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
        const run = spawnSync(
          process.execPath,
          [join(dir, 'cli.mjs'), 'sudoers', '--user', 'felhomsvc', '--mount-base', '/srv/felhom/usb'],
          { encoding: 'utf8' },
        );
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Defaults:felhomsvc !requiretty, !lecture, env_reset, !authenticate');
        expect(run.stdout).toContain(
          `${join(dir, 'fstab-helper.js').replace(/\./g, '\\.')} mount /srv/felhom/usb `,
        );
        expect(run.stdout).not.toContain('visudo -cf /tmp');
        expect(run.stderr).toContain('visudo -cf /tmp/felhom-agent.sudoers');
        expect(run.stderr).toContain('install -o root -g root -m 0440');
        if (visudo) {
          const file = join(dir, 'felhom-agent');
          writeFileSync(file, run.stdout, { mode: 0o440 });
          expect(execFileSync(visudo, ['-cf', file], { encoding: 'utf8' })).toContain('parsed OK');
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("surfaces the library's refusal as it words it, exit 2", async () => {
    const io = captureIO();
    expect(await main(['sudoers', '--mount-base', 'srv/usb'], io, never)).toBe(2);
    expect(io.err()).toMatch(/^felhom-agent: invalid options\.mountBase: /);
    expect(io.out()).toBe('');
  });

  it('exits 2 on a user name sudoers cannot hold', async () => {
    const io = captureIO();
    expect(await main(['sudoers', '--user', 'root ALL=(ALL) ALL'], io, never)).toBe(2);
    expect(io.out()).toBe('');
  });
});
