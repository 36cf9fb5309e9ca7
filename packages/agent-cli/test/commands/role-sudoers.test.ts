import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentRolePrivileges } from '@felhom/proxmox';
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
  it('prints only the drop-in on stdout and the install steps on stderr', async () => {
    const io = captureIO();
    expect(await main(['sudoers', '--user', 'felhomsvc', '--mount-base', '/srv/felhom/usb'], io, never)).toBe(
      0,
    );
    expect(io.out()).toContain('Defaults:felhomsvc !requiretty, !lecture, env_reset, !authenticate');
    expect(io.out()).not.toContain('visudo -cf /tmp');
    expect(io.err()).toContain('visudo -cf /tmp/felhom-agent.sudoers');
    expect(io.err()).toContain('install -o root -g root -m 0440');
  });

  it.skipIf(!visudo)('produces a drop-in that the real visudo accepts', async () => {
    const io = captureIO();
    expect(await main(['sudoers'], io, never)).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'felhom-sudoers-'));
    try {
      const file = join(dir, 'felhom-agent');
      writeFileSync(file, io.out(), { mode: 0o440 });
      const output = execFileSync(visudo as string, ['-cf', file], { encoding: 'utf8' });
      expect(output).toContain('parsed OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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
