import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConsumerResult } from './consumer.js';
import { type NpmClient, npmRunOrThrow } from './npm-client.js';
import { type Ran, run, runOrThrow } from './run.js';

/** What the host install needs besides the registry. */
export interface HostInstallOptions {
  /** The version published first. */
  readonly version: string;
  /** Publishes the next `felhom-agent` and returns its version: what the upgrade installs. */
  readonly publishNext: () => string;
}

const systemPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * docs/getting-started.md's host install, run for real under `work`: `npm install -g --prefix`
 * into a root-owned prefix, a throwaway service user and group, a config folder only that group
 * can read, `config check` and `selftest --demo` as the service user (and `config check` refused
 * for anyone else), the sudoers drop-in pinned to the prefix's own helper, an upgrade and the
 * removal. Needs root; every step that fails is reported.
 */
export function checkHostInstall(
  client: NpmClient,
  work: string,
  options: HostInstallOptions,
): ConsumerResult {
  const problems: string[] = [];
  const notes: string[] = [];
  if (process.getuid?.() !== 0) {
    const reason =
      'host install: not run: it creates a system user and a root-owned prefix, which needs root';
    if (process.env.CI === 'true') problems.push(`${reason} (CI=true: CI runs as root)`);
    else notes.push(reason);
    return { problems, notes };
  }
  // The service user must be able to walk down to the prefix and the config.
  chmodSync(work, 0o755);
  const root = join(work, 'host');
  const prefix = join(root, 'opt', 'felhom-agent');
  const etc = join(root, 'etc', 'felhom');
  mkdirSync(prefix, { recursive: true });
  const bin = join(prefix, 'bin', 'felhom-agent');
  const env = { PATH: `${dirname(process.execPath)}:${systemPath}`, LC_ALL: 'C' };
  const user = `felhomci${randomBytes(3).toString('hex')}`;
  const expect = (ok: boolean, problem: string, note?: string) => {
    if (!ok) problems.push(`host install: ${problem}`);
    else if (note !== undefined) notes.push(`host install: ${note}`);
  };
  const as = (name: string, args: readonly string[]): Ran =>
    run('runuser', ['-u', name, '--', bin, ...args], root, env);

  try {
    npmRunOrThrow(
      client,
      'npm',
      ['install', '-g', '--prefix', prefix, `felhom-agent@${options.version}`],
      root,
    );
    const writable = notRootOwned(prefix);
    expect(
      writable.length === 0,
      `the prefix holds files another user could change: ${writable.slice(0, 5).join(', ')}`,
      `npm install -g --prefix ${prefix} felhom-agent@${options.version}: every file root-owned, none group- or world-writable`,
    );

    runOrThrow(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', user],
      root,
      env,
    );
    const gid = Number(runOrThrow('id', ['-g', user], root, env).trim());
    mkdirSync(etc, { recursive: true });
    for (const [path, mode] of [
      [join(root, 'etc'), 0o755],
      [etc, 0o750],
    ] as const) {
      chownSync(path, 0, path === etc ? gid : 0);
      chmodSync(path, mode);
    }
    const secretFile = join(etc, 'token');
    writeFileSync(secretFile, '0c5e2f9a-4b7d-4c1e-8a3f-2d6b9e1c7a55\n');
    const configFile = join(etc, 'agent.json');
    writeFileSync(
      configFile,
      `${JSON.stringify({
        baseUrl: 'https://127.0.0.1:8006',
        token: { id: 'felhom@pve!agent', secretFile },
        tls: { fingerprint: 'AB'.repeat(32) },
        node: 'pve1',
      })}\n`,
    );
    for (const path of [secretFile, configFile]) {
      chownSync(path, 0, gid);
      chmodSync(path, 0o640);
    }

    const check = as(user, ['config', 'check', '--config', configFile]);
    expect(
      check.status === 0 && check.stdout.includes('config is valid') && check.stderr === '',
      `config check as ${user} exited ${check.status}: ${check.stdout}${check.stderr}`,
      `config check as the service user: valid, no warning (folder 0750 root:${user}, files 0640 root:${user})`,
    );
    const outsider = as('nobody', ['config', 'check', '--config', configFile]);
    expect(
      outsider.status === 2 && outsider.stderr.includes('EACCES'),
      `config check as nobody exited ${outsider.status}, expected 2 with EACCES: ${outsider.stderr}`,
      'config check as nobody: exit 2, EACCES',
    );
    const demo = as(user, ['selftest', '--demo']);
    expect(
      demo.status === 0 && !demo.stdout.includes('[FAIL]'),
      `selftest --demo as ${user} exited ${demo.status}\n${demo.stdout}${demo.stderr}`,
      `selftest --demo as the service user: exit 0, ${demo.stdout.match(/^\[ ok \]/gm)?.length ?? 0} [ ok ] lines`,
    );

    const sudoers = run(bin, ['sudoers', '--user', user, '--mount-base', '/srv/felhom/usb'], root, env);
    // The drop-in pins the helper inside a sudo regular expression: `^/…/fstab-helper\.js mount …`.
    const pinned = /\^(\S+\/fstab-helper\\\.js) mount /.exec(sudoers.stdout)?.[1] ?? '';
    const helper = pinned.replace(/\\(.)/g, '$1');
    const dropIn = join(root, 'felhom-agent.sudoers');
    writeFileSync(dropIn, sudoers.stdout, { mode: 0o440 });
    const visudo = run('visudo', ['-cf', dropIn], root, env);
    expect(
      sudoers.status === 0 &&
        helper.startsWith(`${prefix}/lib/node_modules/felhom-agent/`) &&
        existsSync(helper) &&
        lstatSync(helper).uid === 0 &&
        sudoers.stdout.includes(`${process.execPath} ^${pinned} mount `) &&
        visudo.status === 0,
      `sudoers drop-in: exit ${sudoers.status}, helper "${helper}", visudo: ${visudo.stdout}${visudo.stderr}${sudoers.stderr}`,
      `sudoers drop-in pins ${process.execPath} and the prefix's own helper; visudo -cf: parsed OK`,
    );

    const next = options.publishNext();
    npmRunOrThrow(client, 'npm', ['install', '-g', '--prefix', prefix, 'felhom-agent@latest'], root);
    const installed = (
      JSON.parse(
        readFileSync(join(prefix, 'lib', 'node_modules', 'felhom-agent', 'package.json'), 'utf8'),
      ) as {
        version: string;
      }
    ).version;
    const after = as(user, ['--version']);
    expect(
      installed === next && after.status === 0 && notRootOwned(prefix).length === 0,
      `upgrade: felhom-agent ${installed} installed (expected ${next}), --version exited ${after.status}`,
      `upgrade with npm install -g --prefix … felhom-agent@latest: ${options.version} → ${installed}, still root-owned`,
    );

    npmRunOrThrow(client, 'npm', ['uninstall', '-g', '--prefix', prefix, 'felhom-agent'], root);
    const left = [bin, join(prefix, 'lib', 'node_modules', 'felhom-agent')].filter((path) =>
      existsSync(path),
    );
    expect(
      left.length === 0,
      `npm uninstall -g left ${left.join(', ')}`,
      'npm uninstall -g --prefix … felhom-agent: the command and its files are gone',
    );
  } catch (error) {
    problems.push(`host install: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    run('userdel', [user], root, env);
  }
  return { problems, notes };
}

/** Paths under `directory` not owned by root, or writable by its group or by anyone. */
function notRootOwned(directory: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.uid !== 0 || (!stat.isSymbolicLink() && (stat.mode & 0o022) !== 0)) found.push(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(directory);
  return found;
}
