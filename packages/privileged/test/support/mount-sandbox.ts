import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary mount base (root-owned, 0755) and a test fstab beside it. */
export interface MountSandbox {
  readonly root: string;
  readonly base: string;
  readonly fstab: string;
  cleanup(): Promise<void>;
}

/** The fstab a fresh PVE host ships, used as the starting content. */
export const pveFstab =
  '# <file system> <mount point> <type> <options> <dump> <pass>\n/dev/pve/root / ext4 errors=remount-ro 0 1\nproc /proc proc defaults 0 0\n';

export async function mountSandbox(): Promise<MountSandbox> {
  const root = await mkdtemp(join(tmpdir(), 'felhom-mount-'));
  const base = join(root, 'usb');
  await mkdir(base, { mode: 0o755 });
  const fstab = join(root, 'fstab');
  await writeFile(fstab, pveFstab);
  return { root, base, fstab, cleanup: () => rm(root, { recursive: true, force: true }) };
}
