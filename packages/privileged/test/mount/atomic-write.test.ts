import {
  chmod,
  chown,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicWriteFs, atomicReplace, backupPath, realFs } from '../../src/mount/atomic-write.js';

let dir: string;
let fstab: string;
const original = Buffer.from('# original\n/dev/pve/root / ext4 errors=remount-ro 0 1\n');
const next = Buffer.from(
  '# original\n/dev/pve/root / ext4 errors=remount-ro 0 1\nUUID=x /srv/x ext4 nofail 0 0\n',
);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'felhom-atomic-'));
  fstab = join(dir, 'fstab');
  await writeFile(fstab, original, { mode: 0o644 });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const leftovers = async (): Promise<string[]> => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('atomicReplace', () => {
  it('replaces the file, keeps the previous one as a backup and the mode', async () => {
    await chmod(fstab, 0o640);
    await atomicReplace(fstab, next);
    expect(await readFile(fstab)).toEqual(next);
    expect(await readFile(backupPath(fstab))).toEqual(original);
    expect((await stat(fstab)).mode & 0o777).toBe(0o640);
    expect(await leftovers()).toEqual([]);
  });

  it('leaves the original intact and no temp file when the process fails between write and rename; a retry succeeds', async () => {
    let renames = 0;
    const crashBeforeRename: AtomicWriteFs = {
      ...realFs,
      rename: async (from, to) => {
        if (to !== fstab) return realFs.rename(from, to); // the backup's own rename
        renames += 1;
        // The temp file is fully written and fsynced at this point.
        expect((await readFile(from)).equals(next)).toBe(true);
        if (renames === 1) throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
        return realFs.rename(from, to);
      },
    };
    await expect(atomicReplace(fstab, next, crashBeforeRename)).rejects.toThrow(
      'simulated crash before rename',
    );
    expect(await readFile(fstab)).toEqual(original);
    expect(await leftovers()).toEqual([]);
    await atomicReplace(fstab, next, crashBeforeRename);
    expect(await readFile(fstab)).toEqual(next);
    expect(await leftovers()).toEqual([]);
  });

  it('leaves the original intact and no temp file on a full disk (writes go to /dev/full: real ENOSPC)', async () => {
    const devFullMode = (await stat('/dev/full')).mode;
    let full = true;
    const fullDisk: AtomicWriteFs = {
      ...realFs,
      open: (async (path: string, flags?: string, mode?: number) => {
        if (full && path.endsWith('.tmp')) {
          // Create the temp file as the real code would, then hand back a handle whose writes fail.
          await (await realFs.open(path, flags, mode)).close();
          return realFs.open('/dev/full', 'w');
        }
        return realFs.open(path, flags, mode);
      }) as AtomicWriteFs['open'],
    };
    const error = await atomicReplace(fstab, next, fullDisk).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect((await stat('/dev/full')).mode).toBe(devFullMode); // the failed write never reached chmod
    expect(await readFile(fstab)).toEqual(original);
    expect(await leftovers()).toEqual([]);
    full = false;
    await atomicReplace(fstab, next, fullDisk);
    expect(await readFile(fstab)).toEqual(next);
  });

  it.skipIf(process.geteuid?.() !== 0)(
    'keeps the owner and group of the original (as root: not reset to root:root)',
    async () => {
      await chown(fstab, 0, 4); // a group other than root, as some hosts give /etc/fstab
      await atomicReplace(fstab, next);
      expect(await stat(fstab)).toMatchObject({ uid: 0, gid: 4 });
    },
  );

  it('keeps a group it may set without root: its own', async () => {
    const gid = (await stat(fstab)).gid;
    await atomicReplace(fstab, next);
    expect((await stat(fstab)).gid).toBe(gid);
  });

  it('replaces the file a symlinked fstab points to and leaves the symlink in place', async () => {
    const real = join(dir, 'fstab.real');
    await writeFile(real, original);
    const link = join(dir, 'fstab-link');
    await symlink('fstab.real', link);
    await atomicReplace(link, next);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('fstab.real');
    expect(await readFile(real)).toEqual(next);
    expect(await readFile(backupPath(real))).toEqual(original);
  });

  it('replaces a symlink planted at the backup name instead of writing through it', async () => {
    const victim = join(dir, 'victim');
    await writeFile(victim, 'must stay');
    await symlink(victim, backupPath(fstab));
    await atomicReplace(fstab, next);
    expect(await readFile(victim, 'utf8')).toBe('must stay');
    expect((await lstat(backupPath(fstab))).isSymbolicLink()).toBe(false);
    expect(await readFile(backupPath(fstab))).toEqual(original);
    expect(await leftovers()).toEqual([]);
  });

  it('creates the file when it did not exist, with no backup', async () => {
    const fresh = join(dir, 'fresh-fstab');
    await atomicReplace(fresh, next);
    expect(await readFile(fresh)).toEqual(next);
    await expect(stat(backupPath(fresh))).rejects.toThrow(/ENOENT/);
  });
});
