import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sudoersAllowlist, UnsafeInstallError } from '@felhom/privileged';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathProblems } from '../../src/paths/trusted-path.js';
import { helperModules } from '../../src/sudoers/helper-modules.js';
import { requireReal, rootReasons } from '../support/real-prerequisites.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'felhom-install-'));
  await chmod(dir, 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const me = process.geteuid?.() ?? 0;
const trusted = [0, me]; // as root: root; otherwise root and the developer running the tests

/** A fake install: dist/fstab-helper.js loading two chunks (one dynamically), and package.json. */
async function install(root: string): Promise<string> {
  await mkdir(join(root, 'dist'), { recursive: true, mode: 0o755 });
  await writeFile(join(root, 'package.json'), '{"type":"module"}\n');
  await writeFile(
    join(root, 'dist', 'fstab-helper.js'),
    "import { a } from './chunk-a.js';\nimport 'node:fs';\nimport { spawn } from 'child_process';\n",
  );
  await writeFile(
    join(root, 'dist', 'chunk-a.js'),
    'export * from "./chunk-b.js";\nconst c = await import(\'./chunk-c.js\');\n',
  );
  await writeFile(join(root, 'dist', 'chunk-b.js'), 'export const b = 1;\n');
  await writeFile(join(root, 'dist', 'chunk-c.js'), 'export const c = 1;\n');
  return join(root, 'dist', 'fstab-helper.js');
}

describe('pathProblems: who besides root could change a path', () => {
  it('finds nothing for system paths', () => {
    expect(pathProblems('/usr/bin/env')).toEqual([]);
    expect(pathProblems(process.execPath, { trustedUids: trusted })).toEqual([]);
  });

  it('finds a directory others may write, and one its group may write, anywhere above the file', async () => {
    const file = join(dir, 'a', 'b', 'helper.js');
    await mkdir(join(dir, 'a', 'b'), { recursive: true, mode: 0o755 });
    await writeFile(file, '', { mode: 0o644 });
    await chmod(join(dir, 'a'), 0o777);
    await chmod(join(dir, 'a', 'b'), 0o775);
    expect(pathProblems(file, { trustedUids: trusted })).toEqual([
      { path: join(dir, 'a'), problem: 'writable by everyone (mode 0777)' },
      {
        path: join(dir, 'a', 'b'),
        problem: expect.stringMatching(/^writable by its group \(gid \d+\) \(mode 0775\)$/),
      },
    ]);
  });

  it('accepts a sticky shared directory (such as /tmp) only when the entry in it has a trusted owner', async () => {
    const shared = join(dir, 'shared');
    await mkdir(join(shared, 'mine'), { recursive: true, mode: 0o755 });
    await chmod(shared, 0o1777);
    expect(pathProblems(join(shared, 'mine'), { trustedUids: trusted })).toEqual([]);
    expect(pathProblems(join(shared, 'mine'), { trustedUids: [12345] })).toContainEqual({
      path: join(shared, 'mine'),
      problem: expect.stringContaining(
        `inside the shared sticky directory ${shared}, so its owner may replace it`,
      ),
    });
  });

  it('follows symlinks and reports a writable directory on the way to the target', async () => {
    const open = join(dir, 'open');
    await mkdir(join(dir, 'real'), { mode: 0o755 });
    await writeFile(join(dir, 'real', 'node'), '');
    await mkdir(open, { mode: 0o755 });
    await chmod(open, 0o777);
    await symlink(join(dir, 'real', 'node'), join(open, 'node'));
    await symlink('../open/node', join(dir, 'real', 'via'));
    expect(pathProblems(join(dir, 'real', 'via'), { trustedUids: trusted })).toEqual([
      { path: open, problem: 'writable by everyone (mode 0777)' },
    ]);
  });

  it('reports a missing path, or checks only what exists of it', () => {
    const missing = join(dir, 'nope', 'pct');
    expect(pathProblems(missing, { trustedUids: trusted })).toEqual([
      { path: join(dir, 'nope'), problem: 'does not exist' },
    ]);
    expect(pathProblems(missing, { trustedUids: trusted, mustExist: false })).toEqual([]);
  });
});

describe('helperModules: what Node loads to run the helper', () => {
  it('follows relative imports, re-exports and dynamic imports, skips built-ins, and adds the package.json', async () => {
    const helper = await install(join(dir, 'pkg'));
    const { files, problems } = helperModules(helper);
    expect(files).toEqual([
      helper,
      join(dir, 'pkg', 'dist', 'chunk-a.js'),
      join(dir, 'pkg', 'dist', 'chunk-b.js'),
      join(dir, 'pkg', 'dist', 'chunk-c.js'),
      join(dir, 'pkg', 'package.json'),
    ]);
    expect(problems).toEqual([]);
  });

  it('reports a package import it cannot follow', async () => {
    const helper = await install(join(dir, 'pkg'));
    await writeFile(join(dir, 'pkg', 'dist', 'chunk-b.js'), "import * as v from 'valibot';\n");
    expect(helperModules(helper).problems).toEqual([
      { path: join(dir, 'pkg', 'dist', 'chunk-b.js'), problem: expect.stringContaining('imports "valibot"') },
    ]);
  });

  const built = fileURLToPath(new URL('../../dist/fstab-helper.js', import.meta.url));
  const haveBuild = existsSync(built);
  if (!haveBuild && process.env.CI === 'true')
    throw new Error('CI=true but packages/privileged/dist is missing (the build stage runs first)');
  it.skipIf(!haveBuild)(
    'the built helper loads only its own chunks and Node built-ins (run the build to check it)',
    () => {
      const { files, problems } = helperModules(built);
      expect(problems).toEqual([]);
      expect(files.length).toBeGreaterThan(1);
    },
  );
});

const asRoot = requireReal('install check with foreign owners', rootReasons());

describe.skipIf(!asRoot)('sudoersAllowlist refuses an install someone other than root can change', () => {
  const options = (helper: string) => ({
    user: 'felhom',
    mountBase: '/srv/felhom/usb',
    binaries: {
      fstabHelper: helper,
      node: '/usr/bin/node',
      pct: '/usr/sbin/pct',
      smartctl: '/usr/sbin/smartctl',
    },
  });

  it('generates the drop-in for a root-owned install', async () => {
    const helper = await install(join(dir, 'opt'));
    expect(sudoersAllowlist(options(helper))).toContain(
      `/usr/bin/node ^${helper.replace(/\./g, '\\.')} mount `,
    );
  });

  it("refuses a package in a user's home (npx cache, a checkout), naming every path and the fix", async () => {
    const home = join(dir, 'home');
    const helper = await install(join(home, '.npm', '_npx', 'ab12', 'node_modules', '@felhom', 'privileged'));
    await chown(home, 12345, 12345);
    await chown(
      join(home, '.npm', '_npx', 'ab12', 'node_modules', '@felhom', 'privileged', 'dist', 'chunk-b.js'),
      12345,
      12345,
    );
    let error: unknown;
    try {
      sudoersAllowlist(options(helper));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsafeInstallError);
    expect((error as UnsafeInstallError).reason).toBe('unsafe-install');
    expect((error as UnsafeInstallError).problems).toEqual([
      { path: home, problem: 'owned by uid 12345, not root' },
      { path: expect.stringMatching(/chunk-b\.js$/), problem: 'owned by uid 12345, not root' },
    ]);
    expect((error as Error).message).toContain('refusing to generate the sudoers drop-in');
    expect((error as Error).message).toContain(`  - ${home}: owned by uid 12345, not root`);
    expect((error as Error).message).toContain(
      'Fix: install Node.js and the package under a prefix only root can write',
    );
  });

  it('refuses a chunk its group may write, a node binary reached through a writable directory, and a missing helper', async () => {
    const helper = await install(join(dir, 'opt'));
    await chmod(join(dir, 'opt', 'dist', 'chunk-c.js'), 0o664);
    const open = join(dir, 'bin');
    await mkdir(open, { mode: 0o777 });
    await chmod(open, 0o777);
    await symlink('/usr/bin/node', join(open, 'node'));
    expect(() =>
      sudoersAllowlist({
        ...options(helper),
        binaries: { ...options(helper).binaries, node: join(open, 'node') },
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          { path: open, problem: 'writable by everyone (mode 0777)' },
          {
            path: join(dir, 'opt', 'dist', 'chunk-c.js'),
            problem: expect.stringMatching(/^writable by its group/),
          },
        ],
      }),
    );
    expect(() => sudoersAllowlist(options(join(dir, 'none', 'fstab-helper.js')))).toThrow(
      /none: does not exist/,
    );
  });
});
