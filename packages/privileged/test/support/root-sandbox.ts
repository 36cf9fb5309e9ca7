import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { fixture, repoRoot } from './paths.js';
import { needBinary, rootReasons } from './real-prerequisites.js';

const exec = promisify(execFile);
export const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };

/** Why the sandbox cannot be built here, as `requireReal` expects them. */
export const sandboxReasons = (): (string | false)[] => [
  ...rootReasons(),
  needBinary('/usr/bin/unshare', 'util-linux'),
  needBinary('/usr/bin/nsenter', 'util-linux'),
  needBinary('/usr/bin/setpriv', 'util-linux'),
  needBinary('/usr/sbin/losetup', 'util-linux'),
  needBinary('/usr/sbin/mkfs.ext4', 'e2fsprogs'),
  needBinary('/usr/bin/sudo', 'sudo'),
  needBinary('/usr/sbin/useradd', 'passwd'),
  !existsSync('/dev/loop-control') && 'no /dev/loop-control (loop devices unavailable)',
];

/** What a command run in the sandbox printed, and how it ended. */
export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A throwaway root environment: a private mount namespace (held by a sleeping `unshare` child)
 * whose /etc is a copy of the host's, bind-mounted over it. Users, sudoers drop-ins, the fstab and
 * /etc/felhom made there never reach the host's /etc; mounts made there vanish with the
 * namespace. Loop devices are global: they are detached in `cleanup`.
 */
export class RootSandbox {
  readonly dir: string;
  readonly #keeper: ChildProcess;
  readonly #loops: string[] = [];

  private constructor(dir: string, keeper: ChildProcess) {
    this.dir = dir;
    this.#keeper = keeper;
  }

  /** Copies /etc, starts the namespace and binds the copy over its /etc. */
  static async create(): Promise<RootSandbox> {
    const dir = await mkdtemp(join(tmpdir(), 'felhom-root-'));
    await chmod(dir, 0o755); // the service user must reach the scripts and mount points inside
    await exec('/usr/bin/cp', ['-a', '/etc', join(dir, 'etc')], { env });
    const keeper = spawn(
      '/usr/bin/unshare',
      ['--mount', '--propagation', 'private', '--', '/usr/bin/sleep', 'infinity'],
      {
        stdio: 'ignore',
        env,
      },
    );
    const sandbox = new RootSandbox(dir, keeper);
    const own = readlinkSync('/proc/self/ns/mnt');
    for (let tries = 0; ; tries += 1) {
      const theirs = (() => {
        try {
          return readlinkSync(`/proc/${keeper.pid}/ns/mnt`);
        } catch {
          return own;
        }
      })();
      if (theirs !== own) break;
      if (tries > 200) throw new Error('unshare did not enter a new mount namespace');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sandbox.root('/usr/bin/mount', ['--bind', join(dir, 'etc'), '/etc']);
    return sandbox;
  }

  /** Runs a command as root inside the namespace; rejects on a non-zero exit. */
  async root(file: string, args: readonly string[]): Promise<Outcome> {
    const outcome = await this.run(file, args);
    if (outcome.code !== 0)
      throw new Error(`${file} ${args.join(' ')} exited ${outcome.code}: ${outcome.stderr}`);
    return outcome;
  }

  /** Runs a command inside the namespace, as root or as `user`; resolves with any exit code. */
  run(file: string, args: readonly string[], user?: { uid: number; gid: number }): Promise<Outcome> {
    const drop = user
      ? ['/usr/bin/setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--']
      : [];
    const argv = ['--target', String(this.#keeper.pid), '--mount', '--', ...drop, file, ...args];
    return new Promise((resolve) => {
      execFile(
        '/usr/bin/nsenter',
        argv,
        { env: { ...env, HOME: '/' }, cwd: '/', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  /** Creates a locked system user inside the namespace's /etc copy. */
  async addUser(name: string): Promise<{ uid: number; gid: number }> {
    await this.root('/usr/sbin/useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      name,
    ]);
    const uid = Number((await this.root('/usr/bin/id', ['-u', name])).stdout.trim());
    const gid = Number((await this.root('/usr/bin/id', ['-g', name])).stdout.trim());
    return { uid, gid };
  }

  /**
   * A fresh ext4 image on a loop device, with `UUID`. `files` go into its root first (`mkfs -d`
   * keeps their owner and mode, so a setuid-root copy stays setuid root).
   */
  async ext4Loop(
    name: string,
    uuid: string,
    files: Record<string, { from: string; mode: number }> = {},
  ): Promise<string> {
    const image = join(this.dir, `${name}.img`);
    const content = join(this.dir, `${name}-content`);
    await mkdir(content, { mode: 0o755 });
    for (const [file, { from, mode }] of Object.entries(files)) {
      await copyFile(from, join(content, file));
      await chmod(join(content, file), mode);
    }
    await exec('/usr/bin/truncate', ['-s', '8M', image], { env });
    await exec('/usr/sbin/mkfs.ext4', ['-q', '-F', '-U', uuid, '-d', content, image], { env });
    const loop = (await exec('/usr/sbin/losetup', ['--find', '--show', image], { env })).stdout.trim();
    this.#loops.push(loop);
    return loop;
  }

  /** Bundles a test script (or the helper) into one self-contained file at `outfile`. */
  async bundle(entry: string, outfile: string): Promise<void> {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    await chmod(outfile, 0o644);
  }

  /**
   * A root-owned install as the docs require, under `opt/` of the sandbox: the fstab helper
   * bundled into one file (it imports only Node built-ins) with a package.json beside it, and the
   * stand-in pct and smartctl. `node` is the Node.js running the tests.
   */
  async stageInstall(): Promise<{ node: string; fstabHelper: string; pct: string; smartctl: string }> {
    const opt = join(this.dir, 'opt');
    const fstabHelper = join(opt, 'felhom', 'dist', 'fstab-helper.js');
    await this.bundle(join(repoRoot, 'packages/privileged/src/fstab-helper.ts'), fstabHelper);
    await this.write(join(opt, 'felhom', 'package.json'), '{ "type": "module" }\n');
    const tools = { pct: join(opt, 'bin', 'pct'), smartctl: join(opt, 'bin', 'smartctl') };
    for (const [tool, path] of Object.entries(tools)) {
      await this.write(path, await readFile(fixture(`fake-${tool}.mjs`), 'utf8'), 0o755);
    }
    return { node: process.execPath, fstabHelper, ...tools };
  }

  /** Writes a file in the sandbox directory, creating parents root-owned 0755. */
  async write(path: string, text: string, mode = 0o644): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true, mode: 0o755 });
    await writeFile(path, text, { mode });
    await chmod(path, mode);
  }

  /** Ends the namespace (its mounts go with it), detaches the loop devices, removes the directory. */
  async cleanup(): Promise<void> {
    this.#keeper.kill('SIGKILL');
    await new Promise((resolve) => {
      if (this.#keeper.exitCode !== null || this.#keeper.signalCode !== null) resolve(undefined);
      else this.#keeper.once('exit', resolve);
    });
    for (const loop of this.#loops) await exec('/usr/sbin/losetup', ['-d', loop], { env }).catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }
}
